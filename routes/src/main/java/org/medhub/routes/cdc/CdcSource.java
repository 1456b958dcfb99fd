package org.medhub.routes.cdc;

import java.time.Duration;
import java.util.List;
import org.medhub.connectors.cdc.SourceDatabase;
import org.medhub.connectors.transport.Pickup;

/**
 * A legacy database whose changes the hub reads, as {@code config/cdc/<source>.yml} declares it: the source is a
 * partner of its own (its records are mapped, merged and owned like any partner's), its tables its message types,
 * and this its one channel.
 *
 * @param offsetFlushInterval how often the feed's position is saved: after a crash the changes since are read again,
 *     and their message ids make them duplicates
 */
public record CdcSource(SourceDatabase database, List<CdcTable> tables, Duration offsetFlushInterval) implements Pickup {

    public static final String TRANSPORT = "cdc";
    /** The name of a source's one channel. */
    public static final String CHANNEL = "cdc";

    public CdcSource {
        tables = List.copyOf(tables);
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }
}
