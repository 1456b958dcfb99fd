package org.medhub.connectors.cdc;

import java.util.List;
import java.util.Set;

/**
 * A table whose changes the hub reads.
 *
 * @param name as the database qualifies it: {@code schema.table} in PostgreSQL, {@code database.table} in MySQL
 * @param keyColumns the columns that identify a row (its primary key unless the file says otherwise)
 * @param mappedColumns the columns the table's mapping and filter read: a change that lacks one, or brings one with
 *     another type, stops the table's flow rather than map something wrong
 */
public record CapturedTable(String name, List<String> keyColumns, Set<String> mappedColumns) {

    public CapturedTable {
        keyColumns = List.copyOf(keyColumns);
        mappedColumns = Set.copyOf(mappedColumns);
    }
}
