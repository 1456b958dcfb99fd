package org.medhub.routes.cdc;

import java.util.Map;
import java.util.Optional;

/**
 * What the hub remembers of each source and captured table across restarts and instances (implemented by the hub in
 * its database): the columns and types it last saw, against which a changed table is recognised, why a table's flow
 * stopped, whether a source is paused.
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

    /** Whether an operator paused the source: no instance reads it until it is resumed. */
    boolean paused(String source);

    void setPaused(String source, boolean paused);
}
