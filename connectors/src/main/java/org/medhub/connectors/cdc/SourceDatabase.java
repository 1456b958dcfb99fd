package org.medhub.connectors.cdc;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.medhub.connectors.transport.Secret;
import org.medhub.connectors.transport.Setting;
import org.medhub.connectors.transport.TransportDescription;

/**
 * A legacy database whose committed changes the hub reads: PostgreSQL through logical decoding (pgoutput), MySQL
 * or MariaDB through the binary log.
 *
 * @param zone the zone the database's times without a zone are in (a {@code timestamp} column of an ERP in Suzhou
 *     means Asia/Shanghai time); every time leaves the feed as an instant with its offset
 */
public record SourceDatabase(Kind kind, String host, int port, String database, String username, Secret password,
        ZoneId zone) {

    public static final TransportDescription DESCRIPTION = new TransportDescription("cdc", "inbound",
            "a legacy database's committed changes, read by Debezium: an initial snapshot, then every insert, update and"
                    + " delete as it commits; declared in config/cdc/<source>.yml",
            List.of(
                    Setting.required("type", "text", "postgresql, mysql or mariadb"),
                    Setting.required("host", "text", "the database server"),
                    Setting.optional("port", "integer", "5432 (postgresql), 3306 (mysql, mariadb)", "its port"),
                    Setting.required("database", "text", "the database to read"),
                    Setting.required("username", "text", "a user allowed to replicate (PostgreSQL: REPLICATION; MySQL:"
                            + " REPLICATION SLAVE, REPLICATION CLIENT, SELECT)"),
                    Setting.secret("password", "its password, env:NAME or file:PATH"),
                    Setting.optional("zone", "text", "UTC", "the zone of the database's times without a zone")));

    public enum Kind {
        POSTGRESQL(5432),
        MYSQL(3306),
        MARIADB(3306);

        private final int defaultPort;

        Kind(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the database is, for messages: never the password. */
    public String describe() {
        return kind.yamlName() + "://" + host + ":" + port + "/" + database;
    }
}
