package org.medhub.routes.sync;

import java.util.List;
import org.medhub.canonical.envelope.Envelope;

/**
 * The hub's memory of the current version of every record. Applying an update merges it into that
 * version; applying the same message again gives the same result (a batch may run twice after a crash).
 */
public interface RecordSync {

    /** Applies each update in order, all in one transaction. */
    List<SyncResult> apply(List<Envelope> updates);
}
