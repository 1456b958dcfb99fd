package org.medhub.hub.sync;

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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubProcess;

/**
 * The hub killed with SIGKILL, together with the PostgreSQL it started, at the worst moments; then
 * started again on the same data directory. The subscriber must end up with the message exactly once in
 * effect: every request it got carries the same Idempotency-Key, and one was accepted.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "crash-secret";
    private static final String ADMIN = "crash-admin";

    @TempDir
    Path dir;

    private WireMockServer erp;
    private HubProcess hub;

    @BeforeEach
    void startErp() throws IOException {
        erp = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        erp.start();
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Files.writeString(partners.resolve("acme-factory.yml"), """
                id: acme-factory
                kind: CONTRACT_MANUFACTURER
                credential: env:CRASH_ACME_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: crash-batch
                      version: 1
                      entity: Batch
                      sourceId: $.recordId
                      fields:
                        gtin: $.gtin
                        lot: $.lot
                        materialNumber: $.item
                        status: { default: IN_PRODUCTION }
                """);
        Files.writeString(partners.resolve("erp.yml"), """
                id: erp
                kind: ERP
                subscriptions:
                  - entity: Batch
                    url: %s/erp/batches
                    resilience: erp-delivery
                """.formatted(erp.baseUrl()));
    }

    @AfterEach
    void stopAll() {
        if (hub != null) {
            kill(true);
        }
        erp.stop();
    }

    @Test
    void deliversOnceInEffectWhenKilledAfterDeliveringButBeforeRecordingIt() throws Exception {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201).withFixedDelay(60_000)));
        start();
        String messageId = postBatch("R-CRASH-1", "LOT-CRASH-1");
        await().atMost(Duration.ofSeconds(60)).until(() -> requests().size() == 1); // the ERP has it; the hub waits for the answer

        kill(false); // only the JVM: its PostgreSQL is left running
        erp.resetAll();
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        assertThat(requests()).as("sent again after the restart, with the same key")
                .isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(messageId));
    }

    @Test
    void deliversOnceWhenKilledAfterPublishingButBeforeDelivering() throws Exception {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(503)));
        start();
        String messageId = postBatch("R-CRASH-2", "LOT-CRASH-2");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode message = message(messageId);
            assertThat(message.get("canonical")).as("published").isNotNull();
            assertThat(message.get("status").asText()).as("not delivered").isEqualTo("PUBLISHED");
        });

        kill(true); // the machine: PostgreSQL too, which recovers from its log at the next start
        erp.resetAll();
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        start();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        assertThat(requests()).as("accepted once").hasSize(1)
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(messageId));
    }

    private void start() throws Exception {
        hub = HubProcess.launch("hub", Path.of("target/crash-logs"), dir.resolve("data"), Map.of("CRASH_ACME_SECRET", SECRET),
                List.of("--medhub.config-dir=" + dir.resolve("config"), "--medhub.admin.password=" + ADMIN,
                        "--resilience4j.retry.instances.erp-delivery.wait-duration=200ms",
                        "--resilience4j.retry.instances.erp-delivery.exponential-max-wait-duration=1s",
                        "--resilience4j.retry.instances.erp-delivery.max-attempts=1000",
                        "--resilience4j.circuitbreaker.instances.erp-delivery.minimum-number-of-calls=1000",
                        // killed while the retry worker holds the message, the restarted hub waits out the lease first
                        "--medhub.delivery.retry-lease=5s"));
        hub.awaitReady(Duration.ofSeconds(120));
    }

    /** @param machineDown whether its PostgreSQL dies with it (see {@link HubProcess#kill}) */
    private void kill(boolean machineDown) {
        hub.kill(machineDown);
        hub = null;
    }

    private String postBatch(String recordId, String lot) throws Exception {
        HttpResponse<String> response = hub.http("/api/inbound/acme-factory/batch-record", "acme-factory", SECRET,
                """
                {"recordId": "%s", "gtin": "09506000134352", "lot": "%s", "item": "CATH-7F-110"}""".formatted(recordId, lot));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("messageId").asText();
    }

    private JsonNode message(String messageId) throws Exception {
        return JSON.readTree(hub.http("/api/messages/" + messageId, "admin", ADMIN, null).body());
    }

    private List<LoggedRequest> requests() {
        return erp.findAll(postRequestedFor(urlEqualTo("/erp/batches")));
    }
}
