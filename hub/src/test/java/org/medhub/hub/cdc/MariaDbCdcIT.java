package org.medhub.hub.cdc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/**
 * A legacy ERP on MariaDB, read from its binary log: the MariaDB server of the machine (root without a password on
 * 127.0.0.1:3306, or MEDHUB_IT_MARIADB_URL), with the binary log on in row format as {@code .ci/mariadb-binlog} sets
 * it up. Where no such server is reachable, the test says so and is skipped.
 */
class MariaDbCdcIT extends HubIntegrationTest {

    private static final String URL = System.getenv().getOrDefault("MEDHUB_IT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static int sources;

    private String source;
    private String database;
    private String m100;

    @BeforeEach
    void freshDatabase() throws SQLException {
        Assumptions.assumeTrue(binlogReady(), "no MariaDB with its binary log on in row format at " + URL
                + " (root, no password): run .ci/mariadb-binlog, or set MEDHUB_IT_MARIADB_URL");
        erp.stubFor(post(urlPathEqualTo("/acme/materials")).willReturn(aResponse().withStatus(201)));
        sources++;
        source = "maria-it-" + sources;
        database = "legacy_maria_" + sources;
        m100 = "MM-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        execute("drop database if exists " + database);
        execute("create database " + database + " character set utf8mb4");
        execute("create table " + database + ".materials (matnr varchar(18) primary key, maktx varchar(40),"
                + " mtart varchar(4), meins varchar(3), xchpf boolean, status char(1), plant varchar(4))");
        execute("insert into " + database + ".materials values ('" + m100 + "', '导管 7F', 'FERT', 'EA', true, 'A', 'CN01')");
    }

    @AfterEach
    void removeSource() throws IOException, SQLException {
        if (source != null && Files.deleteIfExists(cdcFile(source))) {
            assertThat(reloadPartners().statusCode()).isEqualTo(200);
            execute("drop database if exists " + database);
        }
    }

    @Test
    void snapshotThenTheBinaryLogReachTheRecordsAndADroppedColumnStopsTheTable() throws Exception {
        String table = database + ".materials";
        writeSource(PostgresqlCdcIT.materialsMapping(table, "name: maktx"));

        JsonNode snapshot = await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);
        assertThat(snapshot.get("record").get("name").asText()).isEqualTo("导管 7F");
        assertThat(snapshot.get("record").get("batchManaged").asBoolean()).isTrue();

        execute("update " + table + " set maktx = '导管 7F 加长' where matnr = '" + m100 + "'");
        JsonNode updated = await().atMost(PATIENCE).until(() -> record(m100), r -> r.get("version").asLong() == 2);
        assertThat(updated.get("record").get("name").asText()).isEqualTo("导管 7F 加长");
        assertThat(message(updated.get("messageId").asText()).get("sourceVersion").asText())
                .as("the change's place in the binary log travels with it").startsWith("binlog:");

        execute("alter table " + table + " drop column maktx");
        execute("update " + table + " set mtart = 'ROH' where matnr = '" + m100 + "'");
        JsonNode stopped = await().atMost(PATIENCE).until(() -> table(table), t -> "STOPPED".equals(t.get("state").asText()));
        assertThat(stopped.get("problem").asText()).contains("maktx");

        execute("delete from " + table + " where matnr = '" + m100 + "'");
        assertThat(record(m100).get("record").get("status").asText()).as("held, not applied").isEqualTo("ACTIVE");
    }

    @Test
    void aDeleteBecomesTheEntitysDeletion() throws Exception {
        String table = database + ".materials";
        writeSource(PostgresqlCdcIT.materialsMapping(table, "name: maktx"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);

        execute("delete from " + table + " where matnr = '" + m100 + "'");

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(record(m100).get("record").get("status").asText()).isEqualTo("OBSOLETE"));
    }

    private JsonNode table(String name) {
        return PostgresqlCdcIT.table(json(get("/api/cdc/" + source, "admin", ADMIN_PASSWORD)), name);
    }

    private JsonNode record(String materialNumber) {
        var response = get("/api/records/Material?key=" + materialNumber, "admin", ADMIN_PASSWORD);
        return response.statusCode() == 404 ? null : json(response);
    }

    private void writeSource(String tables) throws IOException {
        var matcher = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)").matcher(URL);
        assertThat(matcher.find()).as("host and port in " + URL).isTrue();
        Files.writeString(cdcFile(source), """
                id: %s
                database:
                  type: mariadb
                  host: %s
                  port: %s
                  database: %s
                  username: root
                  zone: Asia/Shanghai
                tables:
                """.formatted(source, matcher.group(1), matcher.group(2), database) + tables);
        var reload = reloadPartners();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    private static Path cdcFile(String id) throws IOException {
        Path dir = Path.of(CONFIG_DIR, "cdc");
        Files.createDirectories(dir);
        return dir.resolve(id + ".yml");
    }

    private static boolean binlogReady() {
        try (Connection connection = DriverManager.getConnection(URL, "root", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select @@log_bin, @@binlog_format, @@binlog_row_image")) {
            return rows.next() && rows.getInt(1) == 1 && "ROW".equals(rows.getString(2)) && "FULL".equals(rows.getString(3));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
