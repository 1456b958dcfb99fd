package org.medhub.connectors.cdc;

import java.time.Instant;
import java.util.Map;

/**
 * One committed change of one row, as the feed hands it on.
 *
 * @param changeId stable for this change wherever it is read again (after a crash the feed may hand a change on
 *     twice): the log position of the change and its transaction ({@code lsn:<n>,tx:<id>},
 *     {@code binlog:<file>:<pos>:<row>,gtid:<gtid>}), or for a snapshot row the snapshot's position and the row's key
 * @param position where the change is in the database's log: {@code lsn} and {@code txId} for PostgreSQL,
 *     {@code file}, {@code pos}, {@code row} (and {@code gtid} where there is one) for MySQL and MariaDB
 * @param committedAt when the database committed it (for a snapshot row: when the snapshot read it)
 * @param row the row after the change; for a delete, the row as it was (or its key alone, when the database does
 *     not log more)
 * @param before the row before an update, or null when the database does not log it (PostgreSQL without
 *     {@code REPLICA IDENTITY FULL})
 * @param columnTypes every column of the row as the database now has it, with its type as the feed sees it
 *     ({@code string}, {@code int32}, {@code io.debezium.time.Date}, ...)
 */
public record RowChange(String table, Operation operation, String changeId, Map<String, Object> position,
        Instant committedAt, Map<String, Object> row, Map<String, Object> before, Map<String, String> columnTypes) {

    public enum Operation {
        SNAPSHOT("r"),
        INSERT("c"),
        UPDATE("u"),
        DELETE("d");

        private final String code;

        Operation(String code) {
            this.code = code;
        }

        static Operation of(String code) {
            for (Operation operation : values()) {
                if (operation.code.equals(code)) {
                    return operation;
                }
            }
            throw new IllegalArgumentException("unknown change operation '" + code + "'");
        }
    }
}
