package org.medhub.routes.cdc;

import java.time.Duration;

/** What the change feeds count, for the hub's metrics. */
public interface FeedMeters {

    FeedMeters NONE = new FeedMeters() {
        @Override
        public void changes(String source, String table, String operation, long count) {}

        @Override
        public void published(String source, Duration sinceCommit) {}
    };

    /** Changes of a table read from the source's log, by operation (snapshot, insert, update, delete). */
    void changes(String source, String table, String operation, long count);

    /** A change of the source on its canonical topic, this long after the source committed it. */
    void published(String source, Duration sinceCommit);
}
