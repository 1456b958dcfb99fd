package org.medhub.hub.cdc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.kafka.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A legacy ERP's PostgreSQL database (a database of its own in the hub's real PostgreSQL, logical WAL on) read by
 * Debezium: its snapshot, then its changes as they commit, reach the records and the subscribers; a changed table
 * stops alone and loses nothing; a wrong credential fails its source alone.
 */
class PostgresqlCdcIT extends HubIntegrationTest {

    private static int sources;
    private static final String OUTBOX = """
              public.outbox:
                outbox: {}            # the default columns: id, aggregatetype, aggregateid, payload
                routes:
                  MaterialChanged:
                    entity: Material
                    partial: true
                    fields:
                      materialNumber: $.aggregateId
                      name: $.payload.text.zh
                      materialType: { path: $.payload.type, codes: { FERT: FINISHED_GOOD, ROH: RAW_MATERIAL } }
            """;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private Environment environment;

    /** Each test its own source (its own offsets and slot) and its own material numbers. */
    private String source;
    private String m100;
    private String m200;

    @BeforeEach
    void freshDatabase() throws SQLException {
        sources++;
        source = "legacy-it-" + sources;
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        m100 = "M100-" + suffix;
        m200 = "M200-" + suffix;
        erp.stubFor(post(urlPathEqualTo("/acme/materials")).willReturn(aResponse().withStatus(201)));
        erp.stubFor(post(urlPathEqualTo("/erp/batches")).willReturn(aResponse().withStatus(201)));
        admin("drop database if exists legacy_it with (force)");
        admin("create database legacy_it");
        legacy("""
                create table materials (
                    matnr varchar(18) primary key, maktx varchar(40), mtart varchar(4), meins varchar(3),
                    xchpf boolean, status char(1), plant varchar(4));
                alter table materials replica identity full;
                create table batches (charg varchar(10) primary key, matnr varchar(18), gtin varchar(14),
                    status varchar(2), hsdat date, vfdat date, menge numeric(12,3));
                insert into materials values ('%s', '导管 7F', 'FERT', 'EA', true, 'A', 'CN01');
                insert into materials values ('%s', 'Filtered out', 'FERT', 'EA', true, 'A', 'DE01');
                """.formatted(m100, m200));
    }

    @AfterEach
    void removeSources() throws IOException {
        Files.deleteIfExists(cdcFile(source));
        Files.deleteIfExists(cdcFile("wrong-password"));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        dropSlots();
    }

    @Test
    void snapshotThenStreamingReachTheRecordsAndTheSubscribersWithTheirSourcePosition() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx"));

        JsonNode snapshot = await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);
        assertThat(snapshot.get("record").get("name").asText()).isEqualTo("导管 7F");
        assertThat(snapshot.get("record").get("materialType").asText()).isEqualTo("FINISHED_GOOD");
        assertThat(snapshot.get("writers").get("name").asText()).isEqualTo(source);
        assertThat(record(m200)).as("a row its where leaves out").isNull();
        await().atMost(PATIENCE).untilAsserted(() -> erp.verify(postRequestedFor(urlPathEqualTo("/acme/materials"))
                .withRequestBody(containing(m100))));

        legacy("update materials set maktx = '导管 7F 加长' where matnr = '" + m100 + "'");
        JsonNode updated = await().atMost(PATIENCE).until(() -> record(m100), r -> r != null && r.get("version").asLong() == 2);
        assertThat(updated.get("record").get("name").asText()).isEqualTo("导管 7F 加长");
        JsonNode message = message(updated.get("messageId").asText());
        assertThat(message.get("sourceVersion").asText()).as("the change's log position and transaction travel with it")
                .matches("lsn:\\d+,tx:\\d+");

        JsonNode status = json(get("/api/cdc/" + source, "admin", ADMIN_PASSWORD));
        assertThat(status.get("state").asText()).isEqualTo("RUNNING");
        JsonNode materials = table(status, "public.materials");
        assertThat(materials.get("events").get("snapshot").asLong()).isEqualTo(2);
        assertThat(materials.get("events").get("update").asLong()).isEqualTo(1);
        assertThat(materials.get("filtered").asLong()).isEqualTo(1);
        String metrics = get("/actuator/prometheus", "admin", ADMIN_PASSWORD).body();
        assertThat(metrics).contains("medhub_cdc_changes_total{operation=\"update\",source=\"" + source
                + "\",table=\"public.materials\"} 1.0");
        assertThat(metrics).contains("medhub_cdc_lag_seconds_count{source=\"" + source + "\"}");
    }

    @Test
    void aDeleteBecomesTheEntitysDeletionAsTheTableSays() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);

        legacy("delete from materials where matnr = '" + m100 + "'");

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(record(m100).get("record").get("status").asText()).isEqualTo("OBSOLETE"));
    }

    @Test
    void aDeleteOfATableOfTombstonesDeletesTheRecordLeavesATombstoneOnItsTopicAndAnInsertBringsItBack() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx").replace("onDelete: { status: D }",
                "onDelete: tombstone"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);

        legacy("delete from materials where matnr = '" + m100 + "'");

        JsonNode deleted = await().atMost(PATIENCE).until(() -> record(m100), r -> r.get("deleted").asBoolean());
        assertThat(deleted.get("version").asLong()).isEqualTo(2);
        assertThat(deleted.get("record").isEmpty()).isTrue();
        List<ConsumerRecord<String, byte[]>> onTopic = readAll(Topics.canonical("material")).stream()
                .filter(r -> m100.equals(r.key())).toList();
        assertThat(onTopic).hasSize(2);
        ConsumerRecord<String, byte[]> tombstone = onTopic.get(1);
        assertThat(tombstone.value()).as("a tombstone").isNull();
        assertThat(new String(tombstone.headers().lastHeader(MedhubHeaders.MESSAGE_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(deleted.get("messageId").asText());
        assertThat(message(deleted.get("messageId").asText()).get("status").asText())
                .as("owed to no subscriber, the deletion is done once published").isEqualTo("DELIVERED");

        legacy("insert into materials values ('" + m100 + "', '导管 7F 新', 'FERT', 'EA', true, 'A', 'CN01')");

        JsonNode back = await().atMost(PATIENCE).until(() -> record(m100), r -> !r.get("deleted").asBoolean());
        assertThat(back.get("version").asLong()).as("the numbering goes on").isEqualTo(3);
        assertThat(back.get("record").get("name").asText()).isEqualTo("导管 7F 新");
        await().atMost(PATIENCE).untilAsserted(() -> erp.verify(postRequestedFor(urlPathEqualTo("/acme/materials"))
                .withRequestBody(containing("导管 7F 新"))));
    }

    @Test
    void aNewColumnIsReportedAndADroppedMappedColumnStopsOnlyItsTableUntilTheMappingIsFixed() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx") + batchesMapping("public.batches"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);

        legacy("alter table materials add column color varchar(10)");
        legacy("update materials set color = 'blue', mtart = 'HALB' where matnr = '" + m100 + "'");
        await().atMost(PATIENCE).until(() -> record(m100).get("record").get("materialType").asText(),
                "SEMI_FINISHED"::equals);
        assertThat(table(cdc(), "public.materials").get("unmappedColumns").toString()).contains("color");

        legacy("alter table materials drop column maktx");
        legacy("update materials set mtart = 'ROH' where matnr = '" + m100 + "'");
        await().atMost(PATIENCE).until(() -> table(cdc(), "public.materials").get("state").asText(), "STOPPED"::equals);
        JsonNode stopped = table(cdc(), "public.materials");
        assertThat(stopped.get("problem").asText()).contains("maktx").contains("gone");
        JsonNode failed = json(get("/api/messages?status=FAILED&partner=" + source, "admin", ADMIN_PASSWORD));
        assertThat(failed.get("count").asInt()).as("the held change is a dead letter").isEqualTo(1);
        assertThat(failed.toString()).contains("maktx");

        // the other table flows on
        String lot = "B" + m100.substring(5);
        legacy("insert into batches values ('" + lot + "', '" + m100 + "', '09506000134352', 'RE', '2026-11-18',"
                + " '2029-11-17', 1200)");
        await().atMost(PATIENCE).until(() -> json(get("/api/records/Batch?key=01/09506000134352/10/" + lot, "admin",
                ADMIN_PASSWORD)).path("version").asLong() == 1);

        // the mapping fixed (name no longer from maktx), the table resumed, the held change replayed: nothing lost
        writeSource(source, materialsMapping("public.materials", "") + batchesMapping("public.batches"));
        assertThat(operate("/api/cdc/" + source + "/tables/public.materials/resume").statusCode()).isEqualTo(200);
        var replay = postBytes("/api/replays", "admin", ADMIN_PASSWORD, ("{\"from\": \"raw\", \"partner\": \"" + source
                + "\", \"status\": \"FAILED\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(replay.statusCode()).as(replay.body()).isLessThan(300);
        await().atMost(PATIENCE).until(() -> record(m100).get("record").get("materialType").asText(),
                "RAW_MATERIAL"::equals);
        legacy("update materials set mtart = 'VERP' where matnr = '" + m100 + "'");
        await().atMost(PATIENCE).until(() -> record(m100).get("record").get("materialType").asText(),
                "PACKAGING"::equals);
        assertThat(table(cdc(), "public.materials").get("state").asText()).isEqualTo("FLOWING");
    }

    @Test
    void aRetypedMappedColumnStopsItsTable() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);
        legacy("update materials set mtart = 'HALB' where matnr = '" + m100 + "'");
        await().atMost(PATIENCE).until(() -> record(m100).get("record").get("materialType").asText(),
                "SEMI_FINISHED"::equals);

        legacy("alter table materials alter column xchpf type varchar(5)");
        legacy("update materials set xchpf = 'true', mtart = 'ROH' where matnr = '" + m100 + "'");

        await().atMost(PATIENCE).until(() -> table(cdc(), "public.materials").get("state").asText(), "STOPPED"::equals);
        assertThat(table(cdc(), "public.materials").get("problem").asText()).contains("xchpf").contains("changed type");
        assertThat(record(m100).get("record").get("materialType").asText()).isEqualTo("SEMI_FINISHED");
    }

    @Test
    void outboxEventsGoToTheMappingOfTheirAggregateTypeAndAnUnroutedOneIsHeld() throws Exception {
        legacy("""
                create table outbox (id bigserial primary key, aggregatetype varchar(40) not null,
                    aggregateid varchar(40) not null, payload jsonb not null, created_at timestamptz default now())""");
        writeSource(source, OUTBOX);
        String material = m100;

        legacy("insert into outbox (aggregatetype, aggregateid, payload) values ('InvoiceIssued', 'INV-1', '{}')");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode failed = json(get("/api/messages?status=FAILED&partner=" + source, "admin", ADMIN_PASSWORD));
            assertThat(failed.get("count").asInt()).as("the unrouted event, held").isEqualTo(1);
            assertThat(failed.toString()).contains("InvoiceIssued");
        });
        legacy("insert into outbox (aggregatetype, aggregateid, payload) values ('MaterialChanged', '" + material
                + "', '{\"text\": {\"zh\": \"导管 新\"}, \"type\": \"ROH\"}')");
        // the legacy system's housekeeping: not an event
        legacy("delete from outbox where aggregatetype = 'MaterialChanged'");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(table(cdc(), "public.outbox").get("leftOut").asLong()).as("the delete").isEqualTo(1);
            // a partial event cannot create a record the hub does not know, and the ledger says so
            JsonNode failed = json(get("/api/messages?status=FAILED&partner=" + source, "admin", ADMIN_PASSWORD));
            assertThat(failed.toString()).contains("cannot create " + material);
        });
        // a table added to the running source: its rows are read (a snapshot of it alone), and then its changes
        writeSource(source, materialsMapping("public.materials", "name: maktx") + OUTBOX);
        await().atMost(PATIENCE).until(() -> record(material), r -> r != null);
        legacy("insert into outbox (aggregatetype, aggregateid, payload) values ('MaterialChanged', '" + material
                + "', '{\"text\": {\"zh\": \"导管 新\"}, \"type\": \"ROH\"}')");
        await().atMost(PATIENCE).until(() -> record(material).get("record").get("materialType").asText(),
                "RAW_MATERIAL"::equals);
        assertThat(record(material).get("record").get("name").asText()).isEqualTo("导管 新");
    }

    @Test
    void aPausedSourceReadsNothingUntilResumedAndThenMissesNothing() throws Exception {
        writeSource(source, materialsMapping("public.materials", "name: maktx"));
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);

        assertThat(postBytes("/api/cdc/" + source + "/pause", "admin", ADMIN_PASSWORD,
                "{\"reason\": \"ERP month-end close\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        assertThat(cdc().get("state").asText()).isEqualTo("PAUSED");
        legacy("update materials set mtart = 'ROH' where matnr = '" + m100 + "'");
        assertThat(record(m100).get("record").get("materialType").asText()).isEqualTo("FINISHED_GOOD");

        assertThat(operate("/api/cdc/" + source + "/resume").statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> record(m100).get("record").get("materialType").asText(), "RAW_MATERIAL"::equals);
        JsonNode audit = json(get("/api/audit?action=cdc.pause&subject=cdc:" + source, "admin", ADMIN_PASSWORD));
        assertThat(audit.at("/events/0/actor").asText()).isEqualTo("admin");
        assertThat(audit.at("/events/0/detail/reason").asText()).isEqualTo("ERP month-end close");
    }

    @Test
    void anotherInstanceHoldingTheSourceLeavesThisOneStandingByUntilItLetsGo() throws Exception {
        // what another hub instance holds while it reads the source: the source's advisory lock
        try (Connection other = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
                Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x4d484331 + ", hashtext('" + source + "'))");
            writeSource(source, materialsMapping("public.materials", "name: maktx"));

            assertThat(cdc().get("state").asText()).isEqualTo("STANDBY");
            assertThat(record(m100)).as("read by nobody while the other instance stands still").isNull();
        }
        // the other instance is gone (its connection, and with it the lock): this one takes over
        await().atMost(PATIENCE).until(() -> record(m100), r -> r != null);
        assertThat(cdc().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aWrongPasswordFailsThatSourceAloneWithAClearError() throws Exception {
        Files.writeString(Path.of(DATA_DIR_FOR_TESTS, "secrets", "wrong.password"), "not-the-password");
        Files.writeString(cdcFile("wrong-password"), source("wrong-password", "file:secrets/wrong.password",
                materialsMapping("public.materials", "name: maktx")));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);

        JsonNode failed = await().atMost(PATIENCE).until(() -> json(get("/api/cdc/wrong-password", "admin", ADMIN_PASSWORD)),
                s -> "FAILED".equals(s.path("state").asText()));
        assertThat(failed.get("problem").asText()).containsIgnoringCase("password authentication failed");
        assertThat(failed.toString()).doesNotContain("not-the-password");
        assertStillDelivers();
    }

    private JsonNode cdc() {
        return json(get("/api/cdc/" + source, "admin", ADMIN_PASSWORD));
    }

    /** A table of a source's {@code GET /api/cdc/{source}}. */
    static JsonNode table(JsonNode status, String name) {
        for (JsonNode table : status.get("tables")) {
            if (table.get("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + status);
    }

    private JsonNode record(String materialNumber) {
        var response = get("/api/records/Material?key=" + materialNumber, "admin", ADMIN_PASSWORD);
        return response.statusCode() == 404 ? null : json(response);
    }

    private java.net.http.HttpResponse<String> operate(String path) {
        return postEmpty(path, "admin", ADMIN_PASSWORD);
    }

    /** The materials table as the tests map it: a column per field, the ERP's codes for type and status. */
    static String materialsMapping(String table, String nameRule) {
        return """
                  %s:
                    entity: Material
                    key: [matnr]
                    where: { plant: [CN01] }
                    onDelete: { status: D }
                    fields:
                      materialNumber: matnr
                      %s
                      materialType:
                        column: mtart
                        codes: { FERT: FINISHED_GOOD, HALB: SEMI_FINISHED, ROH: RAW_MATERIAL, VERP: PACKAGING }
                      baseUnit: meins
                      batchManaged: xchpf
                      status:
                        column: status
                        codes: { A: ACTIVE, B: BLOCKED, D: OBSOLETE }
                """.formatted(table, nameRule);
    }

    static String batchesMapping(String table) {
        return """
                  %s:
                    entity: Batch
                    key: [charg]
                    fields:
                      lot: charg
                      gtin: gtin
                      materialNumber: matnr
                      status:
                        column: status
                        codes: { PL: PLANNED, IP: IN_PRODUCTION, RE: IN_PRODUCTION }
                      productionDate: hsdat
                      expiryDate: vfdat
                      quantity.value: menge
                      quantity.unit: { constant: EA }
                """.formatted(table);
    }

    private void writeSource(String id, String tables) throws IOException {
        Files.writeString(cdcFile(id), source(id, "file:secrets/postgresql.password", tables));
        var reload = reloadPartners();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    private String source(String id, String password, String tables) {
        return """
                id: %s
                kind: ERP
                database:
                  type: postgresql
                  host: localhost
                  port: %d
                  database: legacy_it
                  username: postgres
                  password: %s
                  zone: Asia/Shanghai
                tables:
                """.formatted(id, port(), password) + tables;
    }

    private static Path cdcFile(String id) throws IOException {
        Path dir = Path.of(CONFIG_DIR, "cdc");
        Files.createDirectories(dir);
        return dir.resolve(id + ".yml");
    }

    private int port() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        return Integer.parseInt(url.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
    }

    private void admin(String sql) throws SQLException {
        execute(environment.getRequiredProperty("spring.datasource.url"), sql);
    }

    private void legacy(String sql) throws SQLException {
        execute(environment.getRequiredProperty("spring.datasource.url").replaceFirst("/medhub(\\?|$)", "/legacy_it$1"), sql);
    }

    private void dropSlots() {
        try {
            admin("select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
