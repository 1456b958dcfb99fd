package org.medhub.routes.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to read one source's database, held by one hub instance at a time: a PostgreSQL advisory lock on a
 * connection kept open while the feed runs. Two readers of one replication slot would fail, and of one binary log
 * would write every change twice; if the instance dies its connection closes, the lock is released, and another
 * instance takes the feed over from its saved position.
 */
final class FeedLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedLease.class);

    private final Connection connection;
    private final String source;

    private FeedLease(Connection connection, String source) {
        this.connection = connection;
        this.source = source;
    }

    /** The lease, or empty when another instance holds it (or the database cannot be asked now). */
    static Optional<FeedLease> tryTake(DataSource database, String source) {
        Connection connection = null;
        try {
            connection = database.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LockSpace.CDC);
                lock.setString(2, source);
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return Optional.of(new FeedLease(connection, source));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            log.warn("Cannot ask for the lease of the change feed of {}: {}", source, e.getMessage());
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it is gone already
                }
            }
            return Optional.empty();
        }
    }

    /** Whether this instance still holds it: its connection is alive. */
    boolean held() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, LockSpace.CDC);
            unlock.setString(2, source);
            unlock.execute();
        } catch (SQLException e) {
            log.debug("The lease of the change feed of {} went with its connection: {}", source, e.getMessage());
        }
    }

    /** The first key of the hub's advisory locks, so that they meet no other application's. */
    private static final class LockSpace {
        static final int CDC = 0x4d484331; // "MHC1"
    }
}
