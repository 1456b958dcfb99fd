package org.medhub.hub.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medhub.hub.secrets.SecretFile;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from embedded binaries, its cluster kept under the data directory.
 * Logical WAL is on so that the same database can feed change data capture.
 */
final class EmbeddedPostgresql implements AutoCloseable {

    static final String DATABASE = "medhub";
    /** The sample legacy ERP whose changes {@code config/cdc/legacy-erp.yml} reads. */
    static final String LEGACY_ERP = "legacy_erp";
    static final String USER = "postgres";

    /** How every connection signs in: a password, never trust, not even on loopback. */
    private static final String HBA = """
            # Written by medhub: every connection, local or over loopback, signs in with the password in
            # <data-dir>/secrets/postgresql.password.
            local   all             all                     scram-sha-256
            host    all             all     127.0.0.1/32    scram-sha-256
            host    all             all     ::1/128         scram-sha-256
            local   replication     all                     scram-sha-256
            host    replication     all     127.0.0.1/32    scram-sha-256
            host    replication     all     ::1/128         scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresql(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** @param passwordFile the superuser's password, generated there at first start */
    static EmbeddedPostgresql start(Path directory, Path passwordFile) {
        Path cluster = directory.resolve("cluster");
        LocalPorts ports;
        try {
            Files.createDirectories(cluster);
            ports = new LocalPorts(directory.resolve("ports.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + cluster, e);
        }
        stopLeftOverServer(cluster);
        int port = ports.port("postgresql");
        ports.save();
        String password = SecretFile.readOrGenerate(passwordFile);
        boolean trusting = Files.exists(cluster.resolve("pg_hba.conf")) && trusts(cluster);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // initdb's own options (the builder passes these through as --name=value): a new cluster asks
                    // for the password from its first moment, and never trusts a connection
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "4")
                    .setServerConfig("max_replication_slots", "4")
                    // the embedded default turns it off: fast, but a crash could lose acknowledged ledger rows
                    .setServerConfig("synchronous_commit", "on")
                    // after a crash the server replays its log before it listens
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            if (trusting) {
                requirePassword(postgres, cluster, password);
            }
            createDatabase(postgres, DATABASE);
            if (createDatabase(postgres, LEGACY_ERP)) {
                seedLegacyErp(postgres);
            }
            return new EmbeddedPostgresql(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + cluster, e);
        }
    }

    /**
     * A hub that was killed leaves its PostgreSQL running: the server is started through pg_ctl, so it is
     * not the JVM's child and does not die with it. It still owns the cluster, so stop it (a smart
     * shutdown: nobody is connected) before starting a new one.
     */
    private static void stopLeftOverServer(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> server = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (server.isPresent()) {
                LoggerFactory.getLogger(EmbeddedPostgresql.class)
                        .warn("An earlier medhub left its PostgreSQL running (pid {}); stopping it", pid);
                server.get().destroy();
                server.get().onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot stop the PostgreSQL an earlier medhub left running in " + cluster, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a left-over PostgreSQL", e);
        }
    }

    /** Whether any rule of the cluster's pg_hba.conf lets a connection in without a password. */
    private static boolean trusts(Path cluster) {
        try {
            return Files.readAllLines(cluster.resolve("pg_hba.conf")).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .anyMatch(rule -> List.of(rule.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cluster.resolve("pg_hba.conf"), e);
        }
    }

    /**
     * A cluster made by an earlier medhub trusted every local connection: its superuser gets the password, and the
     * server asks for it from now on.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path cluster, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + USER + " password '" + password.replace("'", "''") + "'");
            Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
            statement.execute("select pg_reload_conf()");
            LoggerFactory.getLogger(EmbeddedPostgresql.class)
                    .info("The embedded PostgreSQL now asks every connection for its password");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot make the embedded PostgreSQL in " + cluster + " ask for a password", e);
        }
    }

    /** Creates the database unless it exists; answers whether it did. */
    private static boolean createDatabase(EmbeddedPostgres postgres, String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return false;
                }
            }
            statement.execute("create database " + name);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private static void seedLegacyErp(EmbeddedPostgres postgres) {
        try (var sql = EmbeddedPostgresql.class.getResourceAsStream("/embedded/legacy-erp.sql");
                Connection connection = postgres.getDatabase(USER, LEGACY_ERP).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot fill the sample database " + LEGACY_ERP, e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
