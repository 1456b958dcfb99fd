package org.medhub.routes.cdc;

import java.util.Map;
import java.util.Optional;

/**
 * What the hub remembers of each captured table across restarts (implemented by the hub in its database): the
 * columns and types it last saw, against which a changed table is recognised, and why its flow stopped.
 */
public interface TableStates {

    /**
     * @param columnTypes every column of the table with its type as the feed last saw it
     * @param stopped why the table's flow is stopped, or null while it flows
     */
    record Saved(Map<String, String> columnTypes, String stopped) {}

    Optional<Saved> load(String source, String table);

    void save(String source, String table, Saved state);

    /** Whether the source's feed has saved a position: it has read its database before. */
    boolean hasPosition(String source);
}
