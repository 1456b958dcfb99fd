package org.medhub.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The legacy ERP of {@code medhub bench cdc}: database {@code bench_erp} in the embedded PostgreSQL, one table of
 * material masters in the shape of the sample ERP's ({@code public.materials}, {@code REPLICA IDENTITY FULL}),
 * written as a legacy system writes it: many rows per transaction, or one row per transaction at a fixed rate.
 * Each row's material number is a series' prefix and a number ({@code T-0000042}), so that whoever counts the
 * changes can tell the phases apart.
 */
final class BenchErp {

    static final String DATABASE = "bench_erp";
    static final String TABLE = "public.materials";
    /** The raw engine's offsets: a database of their own, the hub's is not migrated yet when it runs. */
    private static final String RAW_OFFSETS = "bench_raw_offsets";
    private static final int ROWS_PER_TRANSACTION = 1_000;
    /** Enough that a commit waiting for its WAL flush does not hold the next row of the schedule back. */
    private static final int WRITERS = 4;
    private static final String INSERT = "insert into materials (matnr, maktx, mtart, meins, xchpf, werks)";

    private final String hubUrl;
    private final String url;
    private final String user;
    private final String password;
    private final int port;

    private BenchErp(String hubUrl, String user, String password, int port) {
        this.hubUrl = hubUrl;
        this.url = withDatabase(hubUrl, DATABASE);
        this.user = user;
        this.password = password;
        this.port = port;
    }

    /** Creates the database and its table in the PostgreSQL that {@code engineArguments} point at. */
    static BenchErp create(List<String> engineArguments) throws SQLException {
        Map<String, String> engine = engineArguments.stream().map(a -> a.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> b));
        BenchErp erp = new BenchErp(engine.get("spring.datasource.url"), engine.get("spring.datasource.username"),
                engine.get("spring.datasource.password"), Integer.parseInt(engine.get("medhub.embedded.postgresql.port")));
        erp.execute(erp.hubUrl, "drop database if exists " + DATABASE + " with (force)");
        erp.execute(erp.hubUrl, "create database " + DATABASE);
        erp.execute(erp.url, """
                create table materials (
                    matnr  varchar(18) primary key,
                    maktx  varchar(40) not null,
                    mtart  varchar(4)  not null,
                    meins  varchar(3)  not null,
                    xchpf  boolean     not null,
                    lvorm  char(1)     not null default '',
                    werks  varchar(4)  not null,
                    aedat  timestamp   not null default localtimestamp
                );
                alter table materials replica identity full""");
        erp.execute(erp.hubUrl, "drop database if exists " + RAW_OFFSETS + " with (force)");
        erp.execute(erp.hubUrl, "create database " + RAW_OFFSETS);
        // as the hub's migration V28 makes it
        erp.execute(withDatabase(erp.hubUrl, RAW_OFFSETS), """
                create table cdc_offset (source varchar(100) not null, offset_key bytea not null,
                    offset_value bytea not null, saved_at timestamptz not null, primary key (source, offset_key))""");
        return erp;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Where the raw engine keeps its offsets. */
    DataSource rawOffsets() {
        PGSimpleDataSource offsets = new PGSimpleDataSource();
        offsets.setURL(withDatabase(hubUrl, RAW_OFFSETS));
        offsets.setUser(user);
        offsets.setPassword(password);
        return offsets;
    }

    /** Inserts rows {@code prefix-from} to {@code prefix-(from+count-1)}, {@value #ROWS_PER_TRANSACTION} to a transaction. */
    void insert(String prefix, int from, int count) throws SQLException {
        try (Connection connection = connect(url);
                PreparedStatement insert = connection.prepareStatement(INSERT + """
                         select ? || lpad(i::text, 7, '0'), '导管 7F ' || i || 'cm', (array['FERT','HALB','ROH','VERP'])[1 + i % 4],
                             case when i % 4 = 2 then 'KG' else 'EA' end, i % 4 <> 3, 'CN01'
                         from generate_series(?::int, ?::int) as i""")) {
            for (int first = from; first < from + count; first += ROWS_PER_TRANSACTION) {
                insert.setString(1, prefix + "-");
                insert.setInt(2, first);
                insert.setInt(3, Math.min(from + count, first + ROWS_PER_TRANSACTION) - 1);
                insert.executeUpdate();
            }
        }
    }

    /**
     * Inserts a row per transaction at a fixed rate for a while, paced from the schedule's start (parked, not
     * spinning: the hub needs the two cores), the commits on a few connections so that one slow WAL flush does not
     * hold the schedule back. Returns how many rows it inserted and the rate it kept.
     */
    Paced insertAtRate(String prefix, int rate, long seconds) throws SQLException, InterruptedException {
        int count = (int) (rate * seconds);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicReference<Exception> failure = new AtomicReference<>();
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        List<Connection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, task -> {
            Thread thread = new Thread(task, "bench-erp-writer");
            thread.setDaemon(true);
            return thread;
        });
        long begin = System.nanoTime();
        try {
            for (int i = 0; i < count && failure.get() == null; i++) {
                for (long wait; (wait = begin + i * interval - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                int row = i;
                writers.execute(() -> {
                    try {
                        PreparedStatement insert = statements.get();
                        if (insert == null) {
                            Connection connection = connect(url);
                            connections.add(connection);
                            insert = connection.prepareStatement(INSERT + " values (?, ?, 'FERT', 'EA', true, 'CN01')");
                            statements.set(insert);
                        }
                        insert.setString(1, String.format("%s-%07d", prefix, row));
                        insert.setString(2, "导管 7F " + row + "cm");
                        insert.executeUpdate(); // autocommit: a transaction per row
                    } catch (SQLException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            writers.shutdown();
            if (!writers.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the inserts at " + rate + "/s did not end within 5 minutes");
            }
        } finally {
            writers.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an insert into " + DATABASE + " failed: " + failure.get(), failure.get());
        }
        return new Paced(count, count / ((System.nanoTime() - begin) / 1e9));
    }

    /** What {@link #insertAtRate} did: rows inserted, and the rate kept from the first to the last commit. */
    record Paced(int rows, double rate) {}

    /**
     * Waits until no walsender holds the slot. A closed feed's replication connection is closed on a thread of
     * Debezium's own, after {@code close()} returned: a feed started again at once found the slot still active and
     * waited Debezium's retry delay (10 s) before it read anything. Answers how long it waited, in milliseconds.
     */
    long awaitSlotReleased(String slot) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = connect(url);
                PreparedStatement active = connection.prepareStatement(
                        "select active from pg_replication_slots where slot_name = ?")) {
            active.setString(1, slot);
            while (true) {
                try (ResultSet row = active.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replication slot " + slot + " is still held 30 s after its feed stopped");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Empties the table and drops what the raw engine left (its slot and publication), once it has stopped. */
    void reset(String slot) throws SQLException, InterruptedException {
        execute(url, "truncate materials");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection connection = connect(url);
                    PreparedStatement drop = connection.prepareStatement(
                            "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ?")) {
                drop.setString(1, slot);
                try (ResultSet ignored = drop.executeQuery()) {
                    break;
                }
            } catch (SQLException stillActive) { // the engine's replication connection is closing
                if (System.nanoTime() > deadline) {
                    throw stillActive;
                }
                Thread.sleep(200);
            }
        }
        execute(url, "drop publication if exists " + slot);
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database, user, password);
    }

    /** The hub's JDBC URL, {@code jdbc:postgresql://host:port/medhub?...}, for another database of the same server. */
    private static String withDatabase(String hubUrl, String database) {
        return hubUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }
}
