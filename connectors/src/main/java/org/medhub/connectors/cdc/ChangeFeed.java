package org.medhub.connectors.cdc;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.medhub.canonical.envelope.MessageIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's change feed: Debezium's embedded engine reading the captured tables, a snapshot first and then
 * every change as it commits. Changes go to the {@link Listener} a batch at a time; once it returns, the batch is
 * marked done and its position saved (every {@code offsetFlushInterval}) in the hub's database. A crash between the
 * two hands the changes since the last save on again, with the same {@link RowChange#changeId()}s.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int MAX_CHANGE_ID = 100;

    /** Takes the changes a batch at a time: returns once they are safely kept, or throws to stop the feed. */
    public interface Listener {

        void changes(List<RowChange> changes) throws InterruptedException;

        /** The feed reads the database: its snapshot, then its log. */
        default void started() {}

        /** The feed stopped: {@code problem} is null when asked to stop, else why it failed. */
        default void stopped(String problem) {}
    }

    private final String source;
    private final SourceDatabase database;
    private final Map<String, CapturedTable> tables;
    private final Listener listener;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService runner;

    /**
     * @param source the source's name: it names the engine, its offsets, and for PostgreSQL its replication slot and
     *     publication ({@code medhub_<source>})
     * @param storage the hub's database, where offsets and schema history are kept
     */
    public ChangeFeed(String source, SourceDatabase database, List<CapturedTable> tables, DataSource storage,
            Duration offsetFlushInterval, Listener listener) {
        this.source = source;
        this.database = database;
        this.tables = tables.stream().collect(Collectors.toMap(CapturedTable::name, t -> t, (a, b) -> a, LinkedHashMap::new));
        this.listener = listener;
        FeedStorage.register(source, storage);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(settings(offsetFlushInterval))
                .notifying(this::handle)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        listener.started();
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        log.warn("The change feed of {} stopped: {}", source, message, error);
                    }
                    listener.stopped(success ? null : problem(message, error));
                })
                .build();
        this.runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "medhub-cdc-" + source);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        runner.execute(engine);
    }

    /**
     * Stops reading; the position of what was handed on is saved first. For PostgreSQL, returns once the database has
     * let go of the replication slot (Debezium closes its connection after its engine says it stopped), so that a feed
     * started next, here or on another instance, does not find the slot still busy.
     */
    @Override
    public void close() {
        try {
            engine.close();
            runner.shutdown();
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The change feed of {} did not stop within 30 s", source);
                runner.shutdownNow();
            }
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the engine had stopped already (it failed, or the feed was paused)
            log.debug("The change feed of {} stopped: {}", source, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            FeedStorage.unregister(source);
        }
        if (database.kind() == SourceDatabase.Kind.POSTGRESQL) {
            awaitSlotReleased(Duration.ofSeconds(15));
        }
    }

    private void awaitSlotReleased(Duration patience) {
        String url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.database();
        long deadline = System.nanoTime() + patience.toNanos();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, database.username(),
                database.password() == null ? null : database.password().reveal());
                java.sql.PreparedStatement active = connection.prepareStatement(
                        "select exists (select 1 from pg_replication_slots where slot_name = ? and active)")) {
            active.setString(1, slotName(source));
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rows = active.executeQuery()) {
                    if (!rows.next() || !rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20); // polling the database's own state: there is nothing to wait on
            }
            log.warn("The replication slot of {} is still in use {} s after its feed stopped", source, patience.toSeconds());
        } catch (java.sql.SQLException e) {
            log.debug("Cannot see whether the slot of {} was released: {}", source, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the tables' rows again, whole (a blocking snapshot: streaming waits meanwhile), as if they had just been
     * inserted: for a table added to a running source, or to repair what a subscriber lost. Their message ids are
     * new; a row the hub already holds as it is changes nothing.
     */
    public void snapshot(List<String> tableNames) {
        String collections = tableNames.stream().map(t -> "\"" + t.replace("\"", "") + "\"").collect(Collectors.joining(","));
        engine.getSignaler().signal(new DebeziumEngine.Signal(java.util.UUID.randomUUID().toString(), "execute-snapshot",
                "{\"data-collections\": [" + collections + "], \"type\": \"BLOCKING\"}", Map.of()));
    }

    /** Names Debezium gives this source's slot and publication (PostgreSQL): letters, digits and underscores. */
    public static String slotName(String source) {
        return "medhub_" + source.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
    }

    private Properties settings(Duration offsetFlushInterval) {
        Properties settings = new Properties();
        settings.setProperty("name", source);
        settings.setProperty("topic.prefix", source.replaceAll("[^a-zA-Z0-9._-]", "_"));
        settings.setProperty("offset.storage", DatabaseOffsets.class.getName());
        settings.setProperty(DatabaseOffsets.SOURCE, source);
        settings.setProperty("offset.flush.interval.ms", Long.toString(offsetFlushInterval.toMillis()));
        settings.setProperty("database.hostname", database.host());
        settings.setProperty("database.port", Integer.toString(database.port()));
        settings.setProperty("database.user", database.username());
        if (database.password() != null) {
            settings.setProperty("database.password", database.password().reveal());
        }
        settings.setProperty("table.include.list", tables.keySet().stream().map(Pattern::quote)
                .collect(Collectors.joining(",")));
        settings.setProperty("decimal.handling.mode", "string"); // else numerics arrive as Base64 of their bytes
        settings.setProperty("tombstones.on.delete", "false");
        settings.setProperty("snapshot.mode", "initial");
        // Debezium hands a batch on when it is full or this long after the first change: its default, 500 ms, is the
        // largest part of a change's way to the canonical topic at moderate rates
        settings.setProperty("poll.interval.ms", "10");
        settings.setProperty("include.schema.changes", "false");
        settings.setProperty("errors.max.retries", "3");
        settings.setProperty("signal.enabled.channels", "in-process"); // snapshots on request, see snapshot()
        switch (database.kind()) {
            case POSTGRESQL -> {
                settings.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
                settings.setProperty("plugin.name", "pgoutput");
                settings.setProperty("database.dbname", database.database());
                settings.setProperty("slot.name", slotName(source));
                settings.setProperty("publication.name", slotName(source));
                settings.setProperty("publication.autocreate.mode", "filtered");
            }
            case MYSQL, MARIADB -> {
                settings.setProperty("connector.class", database.kind() == SourceDatabase.Kind.MARIADB
                        ? "io.debezium.connector.mariadb.MariaDbConnector"
                        : "io.debezium.connector.mysql.MySqlConnector");
                settings.setProperty("database.include.list", Pattern.quote(database.database()));
                // a replica's id, unique among the server's replicas, stable across restarts
                settings.setProperty("database.server.id", Long.toString(5_400_000L + Math.floorMod(source.hashCode(), 1_000_000)));
                settings.setProperty("schema.history.internal", DatabaseSchemaHistory.class.getName());
                settings.setProperty(DatabaseSchemaHistory.SOURCE, source);
                settings.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
                settings.setProperty("snapshot.locking.mode", "none");
                // MySQL has no boolean type: a BOOLEAN column is a TINYINT(1), read as the boolean it means
                settings.setProperty("converters", "boolean");
                settings.setProperty("boolean.type", "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter");
            }
        }
        return settings;
    }

    private void handle(List<RecordChangeEvent<SourceRecord>> events,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<RowChange> changes = new ArrayList<>(events.size());
        for (RecordChangeEvent<SourceRecord> event : events) {
            RowChange change = change(event.record());
            if (change != null) {
                changes.add(change);
            }
        }
        if (!changes.isEmpty()) {
            listener.changes(changes);
        }
        for (RecordChangeEvent<SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    /** The row change a record holds, or null for what is not one (a heartbeat, a transaction marker). */
    private RowChange change(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null) {
            return null;
        }
        Struct sourceInfo = value.getStruct("source");
        String table = qualifier(sourceInfo) + "." + sourceInfo.getString("table");
        RowChange.Operation operation = RowChange.Operation.of(value.getString("op"));
        Struct after = value.getStruct("after");
        Struct before = value.getStruct("before");
        Struct row = after != null ? after : before;
        Map<String, Object> position = position(sourceInfo);
        Map<String, Object> rowValues = ColumnValues.of(row, database.zone());
        String changeId = operation == RowChange.Operation.SNAPSHOT
                ? bounded("snapshot:" + positionText(position), ":" + table + ":" + key(table, rowValues, record))
                : positionText(position);
        Object committedMillis = sourceInfo.get("ts_ms");
        Instant committedAt = committedMillis == null ? Instant.now() : Instant.ofEpochMilli((Long) committedMillis);
        return new RowChange(table, operation, changeId, position, committedAt, rowValues,
                operation == RowChange.Operation.UPDATE ? ColumnValues.of(before, database.zone()) : null,
                ColumnValues.types(row.schema()));
    }

    /** A change id fits the hub's source ids (100 characters): a long table and key are given by their hash. */
    private static String bounded(String position, String tableAndKey) {
        String id = position + tableAndKey;
        if (id.length() <= MAX_CHANGE_ID) {
            return id;
        }
        return position + ":" + MessageIds.sha256Hex(tableAndKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    private String qualifier(Struct sourceInfo) {
        return database.kind() == SourceDatabase.Kind.POSTGRESQL ? sourceInfo.getString("schema") : sourceInfo.getString("db");
    }

    private Map<String, Object> position(Struct sourceInfo) {
        Map<String, Object> position = new LinkedHashMap<>();
        List<String> fields = database.kind() == SourceDatabase.Kind.POSTGRESQL
                ? List.of("lsn", "txId")
                : List.of("file", "pos", "row", "gtid", "thread");
        for (String name : fields) {
            Field field = sourceInfo.schema().field(name);
            if (field != null && sourceInfo.get(field) != null) {
                position.put(name, sourceInfo.get(field));
            }
        }
        return position;
    }

    /** {@code lsn:<n>,tx:<id>} or {@code binlog:<file>:<pos>:<row>[,gtid:<gtid>]}: the same wherever the change is read again. */
    private String positionText(Map<String, Object> position) {
        if (database.kind() == SourceDatabase.Kind.POSTGRESQL) {
            return "lsn:" + position.get("lsn") + (position.containsKey("txId") ? ",tx:" + position.get("txId") : "");
        }
        return "binlog:" + position.get("file") + ":" + position.get("pos") + ":" + position.getOrDefault("row", 0)
                + (position.containsKey("gtid") ? ",gtid:" + position.get("gtid") : "");
    }

    private String key(String table, Map<String, Object> row, SourceRecord record) {
        CapturedTable captured = tables.get(table);
        if (captured != null && !captured.keyColumns().isEmpty()) {
            return captured.keyColumns().stream().map(c -> String.valueOf(row.get(c))).collect(Collectors.joining("/"));
        }
        if (record.key() instanceof Struct key) {
            return key.schema().fields().stream().map(f -> String.valueOf(key.get(f))).collect(Collectors.joining("/"));
        }
        return row.values().stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    private static String problem(String message, Throwable error) {
        Throwable cause = error;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String root = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        String text = message == null ? "" : message;
        return root.isEmpty() || text.contains(root) ? text : text + ": " + root;
    }
}
