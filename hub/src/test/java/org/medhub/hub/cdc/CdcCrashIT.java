package org.medhub.hub.cdc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubProcess;

/**
 * A hub killed with SIGKILL while a legacy database's changes stream in, started again on the same data directory:
 * the feed resumes from its saved position, the changes it reads twice are duplicates by their message ids, and the
 * subscriber gets every row once (every request for a row carries the same Idempotency-Key).
 */
class CdcCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "cdc-crash-admin";
    private static final int ROWS_PER_PHASE = 600;

    @TempDir
    Path dir;

    private WireMockServer plant;
    private HubProcess hub;

    @BeforeEach
    void configure() throws IOException {
        plant = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        plant.start();
        plant.stubFor(post("/plant/materials").willReturn(aResponse().withStatus(201)));
        Files.writeString(Files.createDirectories(dir.resolve("config/partners")).resolve("plant.yml"), """
                id: plant
                kind: CONTRACT_MANUFACTURER
                subscriptions:
                  - entity: Material
                    url: %s/plant/materials
                    resilience: erp-delivery
                """.formatted(plant.baseUrl()));
        // the sample legacy ERP database the embedded PostgreSQL makes at its first start
        Files.writeString(Files.createDirectories(dir.resolve("config/cdc")).resolve("crash-erp.yml"), """
                id: crash-erp
                database:
                  type: postgresql
                  host: localhost
                  port: ${medhub.embedded.postgresql.port}
                  database: legacy_erp
                  username: postgres
                  password: file:secrets/postgresql.password
                tables:
                  erp.materials:
                    entity: Material
                    key: [matnr]
                    fields:
                      materialNumber: matnr
                      name: maktx
                      materialType: { column: mtart, codes: { FERT: FINISHED_GOOD, HALB: SEMI_FINISHED, ROH: RAW_MATERIAL, VERP: PACKAGING } }
                      baseUnit: { column: meins, codes: { EA: EA, KG: kg } }
                      batchManaged: xchpf
                      status: { constant: ACTIVE }
                """);
    }

    @AfterEach
    void stopAll() {
        if (hub != null) {
            hub.kill(true);
        }
        plant.stop();
    }

    @Test
    void everyRowReachesTheSubscriberOnceAcrossASigkillMidStream() throws Exception {
        start();
        await().atMost(Duration.ofSeconds(60)).until(() -> materials().size() == 5); // the sample's snapshot

        insert(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> materials().size() >= 5 + ROWS_PER_PHASE / 4);
        hub.kill(false); // mid-stream; its PostgreSQL, the legacy database's too, runs on
        hub = null;
        insert(1); // committed while no hub reads
        start();
        insert(2);

        int rows = 5 + 3 * ROWS_PER_PHASE;
        await().atMost(Duration.ofSeconds(180)).until(() -> materials().size() == rows);
        Map<String, Set<String>> keysByMaterial = new HashMap<>();
        for (LoggedRequest request : plant.findAll(postRequestedFor(urlEqualTo("/plant/materials")))) {
            String material = JSON.readTree(request.getBodyAsString()).at("/payload/materialNumber").asText();
            keysByMaterial.computeIfAbsent(material, m -> new HashSet<>()).add(request.getHeader("Idempotency-Key"));
        }
        assertThat(keysByMaterial).hasSize(rows);
        assertThat(keysByMaterial.values()).as("one message per row, however often it was read").allSatisfy(keys ->
                assertThat(keys).hasSize(1));
        JsonNode record = JSON.readTree(hub.http("/api/records/Material?key=CRASH-1-00007", "admin", ADMIN, null).body());
        assertThat(record.get("version").asLong()).as("applied once").isEqualTo(1);
    }

    /** The material numbers the subscriber has been sent. */
    private Set<String> materials() {
        Set<String> materials = new HashSet<>();
        for (LoggedRequest request : plant.findAll(postRequestedFor(urlEqualTo("/plant/materials")))) {
            try {
                materials.add(JSON.readTree(request.getBodyAsString()).at("/payload/materialNumber").asText());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return materials;
    }

    /** Rows CRASH-<phase>-00000 … in transactions of 20. */
    private void insert(int phase) throws SQLException, IOException {
        try (Connection connection = legacyErp()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into erp.materials"
                    + " (matnr, maktx, mtart, meins, xchpf, werks) values (?, ?, 'FERT', 'EA', true, 'CN01')")) {
                for (int i = 0; i < ROWS_PER_PHASE; i++) {
                    insert.setString(1, "CRASH-%d-%05d".formatted(phase, i));
                    insert.setString(2, "导管 " + i);
                    insert.addBatch();
                    if (i % 20 == 19) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private Connection legacyErp() throws SQLException, IOException {
        Properties ports = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("data/postgresql/ports.properties"))) {
            ports.load(reader);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.getProperty("postgresql") + "/legacy_erp",
                "postgres", Files.readString(dir.resolve("data/secrets/postgresql.password")).strip());
    }

    private void start() throws Exception {
        hub = HubProcess.launch("cdc-hub", Path.of("target/crash-logs"), dir.resolve("data"), Map.of(),
                List.of("--medhub.config-dir=" + dir.resolve("config"), "--medhub.admin.password=" + ADMIN));
        hub.awaitReady(Duration.ofSeconds(120));
    }
}
