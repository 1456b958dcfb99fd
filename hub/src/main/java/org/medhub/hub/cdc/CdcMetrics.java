package org.medhub.hub.cdc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.cdc.CdcFeeds;
import org.medhub.routes.cdc.FeedMeters;

/**
 * The change feeds' metrics: {@code medhub.cdc.changes} (by source, table and operation) and {@code medhub.cdc.lag},
 * from the commit in the source database to the canonical topic (a change's envelope says when it was committed).
 */
public class CdcMetrics implements FeedMeters {

    private final MeterRegistry registry;
    private final Clock clock;
    /** By source: looked up once, since every published change of a source is timed. */
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public CdcMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void changes(String source, String table, String operation, long count) {
        Counter.builder("medhub.cdc.changes").description("changes read from a legacy database's log")
                .tags("source", source, "table", table, "operation", operation).register(registry).increment(count);
    }

    @Override
    public void published(String source, Duration sinceCommit) {
        lags.computeIfAbsent(source, s -> Timer.builder("medhub.cdc.lag")
                .description("from the commit in the source database to the canonical topic")
                .publishPercentiles(0.5, 0.99).tags("source", s).register(registry)).record(sinceCommit);
    }

    /** For the publisher: the envelopes of a batch that are changes of a database, their lag. */
    public void published(Collection<Envelope> envelopes, CdcFeeds feeds) {
        var now = clock.instant();
        for (Envelope envelope : envelopes) {
            if (envelope.occurredAt() != null && feeds.isSource(envelope.partner())) {
                published(envelope.partner(), Duration.between(envelope.occurredAt().toInstant(), now));
            }
        }
    }
}
