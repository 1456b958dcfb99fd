package org.medhub.routes.cdc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source's feed as {@code GET /api/cdc} shows it.
 *
 * @param state STARTING, RUNNING, PAUSED, FAILED or STOPPED
 * @param problem why it failed, or null
 * @param lagMillis from the commit of the last change taken to its raw record on Kafka
 */
public record CdcStatus(String source, String database, String state, String problem, Instant lastEventAt,
        Instant lastCommittedAt, Long lagMillis, List<Table> tables) {

    /**
     * @param state FLOWING, or STOPPED (its changes are held as dead letters until it is resumed)
     * @param events by operation: snapshot, insert, update, delete
     * @param filtered rows left out by the table's {@code where}
     * @param leftOut deletes of a table without {@code onDelete}; an outbox's updates and deletes
     * @param held changes held while the table was stopped
     * @param unmappedColumns columns the table has and its mapping does not read (new ones, or left alone)
     */
    public record Table(String table, String state, String problem, Map<String, Long> events, long filtered,
            long leftOut, long held, Set<String> unmappedColumns, Instant lastEventAt) {}
}
