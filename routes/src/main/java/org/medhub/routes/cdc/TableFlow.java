package org.medhub.routes.cdc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.medhub.connectors.cdc.RowChange;

/**
 * One captured table's flow: whether its changes are mapped or held back after its columns changed under the
 * mapping, and what has passed. Touched by the feed's one thread; read by anyone.
 */
final class TableFlow {

    final CdcTable table;
    private volatile Map<String, String> columnTypes;
    private volatile String stopped;
    private final Set<String> unmappedColumns = new TreeSet<>();
    private final Map<RowChange.Operation, AtomicLong> events = new LinkedHashMap<>();
    final AtomicLong filtered = new AtomicLong();
    final AtomicLong leftOut = new AtomicLong();
    final AtomicLong held = new AtomicLong();
    private volatile Instant lastEventAt;

    TableFlow(CdcTable table, TableStates.Saved saved) {
        this.table = table;
        this.columnTypes = saved == null ? null : saved.columnTypes();
        this.stopped = saved == null ? null : saved.stopped();
        if (columnTypes != null) {
            noteUnmapped(columnTypes.keySet());
        }
        for (RowChange.Operation operation : RowChange.Operation.values()) {
            events.put(operation, new AtomicLong());
        }
    }

    /**
     * Compares the columns a change brings with those last seen: a mapped column gone or of another type stops the
     * table (answered: why); a new column is noted and left alone.
     *
     * @return whether what the hub remembers of the table changed and must be saved
     */
    boolean check(RowChange change) {
        if (change.operation() == RowChange.Operation.DELETE || stopped != null) {
            return false; // a delete may carry the key alone; a stopped table waits for a person
        }
        Map<String, String> now = change.columnTypes();
        for (String column : new TreeSet<>(table.captured().mappedColumns())) {
            if (!now.containsKey(column)) {
                stopped = "column " + column + " of " + table.name() + " is gone, and the mapping reads it: its changes"
                        + " are held (dead letters of " + table.name() + ") until the mapping is fixed and the table resumed";
                return true;
            }
            String before = columnTypes == null ? null : columnTypes.get(column);
            if (before != null && !before.equals(now.get(column))) {
                stopped = "column " + column + " of " + table.name() + " changed type from " + before + " to "
                        + now.get(column) + ", and the mapping reads it: its changes are held (dead letters of "
                        + table.name() + ") until the mapping is checked and the table resumed";
                return true;
            }
        }
        boolean changed = columnTypes == null || !columnTypes.equals(now);
        noteUnmapped(now.keySet());
        columnTypes = Map.copyOf(now);
        return changed;
    }

    /** The columns of the table that nothing of the source's file reads: a new column shows here. */
    private void noteUnmapped(java.util.Collection<String> columns) {
        synchronized (unmappedColumns) {
            unmappedColumns.clear();
            columns.stream().filter(column -> !table.captured().mappedColumns().contains(column)
                    && !table.identityColumns().contains(column) && !table.onDelete().containsKey(column))
                    .forEach(unmappedColumns::add);
        }
    }

    String stopped() {
        return stopped;
    }

    /** Lets changes flow again (after the mapping was fixed): the columns seen next become the ones to compare with. */
    void resume() {
        stopped = null;
        columnTypes = null;
    }

    void counted(RowChange change) {
        events.get(change.operation()).incrementAndGet();
        lastEventAt = change.committedAt();
    }

    TableStates.Saved saved() {
        return new TableStates.Saved(columnTypes == null ? Map.of() : columnTypes, stopped);
    }

    CdcStatus.Table status() {
        Map<String, Long> counts = new LinkedHashMap<>();
        events.forEach((operation, count) -> counts.put(operation.name().toLowerCase(java.util.Locale.ROOT), count.get()));
        Set<String> unmapped;
        synchronized (unmappedColumns) {
            unmapped = Set.copyOf(unmappedColumns);
        }
        return new CdcStatus.Table(table.name(), stopped == null ? "FLOWING" : "STOPPED", stopped, counts, filtered.get(),
                leftOut.get(), held.get(), new TreeSet<>(unmapped), lastEventAt);
    }
}
