package org.medhub.routes.cdc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.connectors.cdc.CapturedTable;

/**
 * One table of a {@link CdcSource}: which of its rows are taken and what a delete means. Its mapping is the message
 * type of the same name (an outbox's, those its routes name).
 *
 * @param identityColumns the columns every change carries, changed or not: the row's key and the columns the
 *     entity's business key is mapped from, so that an update of other columns still says which record it changes
 * @param where only rows whose column has one of the listed values are taken (all rows when empty)
 * @param onDelete the columns a deleted row is taken to have (e.g. a status column set to the ERP's code for
 *     deleted, which the mapping turns into the entity's state), mapped as an update of that row; empty (and no
 *     tombstone): deletes are counted and left out
 * @param tombstone a deleted row deletes the hub's record, which goes off the entity's compacted topic as a tombstone
 * @param outbox for an outbox table, its columns and routes; null for a table of rows
 */
public record CdcTable(CapturedTable captured, Set<String> identityColumns, Map<String, Set<String>> where,
        Map<String, Object> onDelete, boolean tombstone, Outbox outbox) {

    public CdcTable {
        identityColumns = Set.copyOf(identityColumns);
        where = Map.copyOf(where);
        onDelete = Map.copyOf(onDelete);
    }

    public String name() {
        return captured.name();
    }

    public List<String> keyColumns() {
        return captured.keyColumns();
    }

    /** Whether the row is one the table takes. */
    public boolean takes(Map<String, Object> row) {
        return where.entrySet().stream().allMatch(condition ->
                row.get(condition.getKey()) != null && condition.getValue().contains(String.valueOf(row.get(condition.getKey()))));
    }
}
