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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub killed with SIGKILL, together with the PostgreSQL it started, at the worst moments; then
 * started again on the same data directory. The subscriber must end up with the message exactly once in
 * effect: every request it got carries the same Idempotency-Key, and one was accepted.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/medhub.jar");
    private static final Pattern READY = Pattern.compile("medhub is ready\\. API: http://localhost:(\\d+)/api");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "crash-secret";
    private static final String ADMIN = "crash-admin";

    @TempDir
    Path dir;

    private WireMockServer erp;
    private Process hub;
    private int port;

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
        assertThat(JAR).as("the application jar (built in the package phase)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "run",
                "--medhub.data-dir=" + dir.resolve("data"), "--medhub.config-dir=" + dir.resolve("config"),
                "--server.port=0", "--medhub.admin.password=" + ADMIN,
                "--resilience4j.retry.instances.erp-delivery.wait-duration=200ms",
                "--resilience4j.retry.instances.erp-delivery.exponential-max-wait-duration=1s",
                "--resilience4j.retry.instances.erp-delivery.max-attempts=1000",
                "--resilience4j.circuitbreaker.instances.erp-delivery.minimum-number-of-calls=1000",
                // killed while the retry worker holds the message, the restarted hub waits out the lease first
                "--medhub.delivery.retry-lease=5s");
        builder.environment().put("CRASH_ACME_SECRET", SECRET);
        builder.redirectErrorStream(true);
        hub = builder.start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Path log = Files.createDirectories(Path.of("target/crash-logs")).resolve("hub-" + System.nanoTime() + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the hub ended before it was ready; see " + log));
        }, "hub-output");
        reader.setDaemon(true);
        reader.start();
        port = ready.get(120, TimeUnit.SECONDS);
    }

    private void kill() {
        kill(true);
    }

    /**
     * SIGKILL for the hub: nothing gets to clean up. When the machine goes down, its PostgreSQL dies
     * too (it is not the JVM's child, pg_ctl starts it, so it is found by its data directory); when only
     * the JVM dies, it is left running, and the next start must cope with it.
     */
    private void kill(boolean machineDown) {
        String dataDir = dir.resolve("data").toString();
        List<ProcessHandle> all = new java.util.ArrayList<>(hub.descendants().toList());
        if (machineDown) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                    .forEach(all::add);
        }
        hub.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            hub.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : all) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the killed hub did not go away", e);
        }
        hub = null;
    }

    private String postBatch(String recordId, String lot) throws Exception {
        HttpResponse<String> response = http("/api/inbound/acme-factory/batch-record", "acme-factory", SECRET,
                """
                {"recordId": "%s", "gtin": "09506000134352", "lot": "%s", "item": "CATH-7F-110"}""".formatted(recordId, lot));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("messageId").asText();
    }

    private JsonNode message(String messageId) throws Exception {
        return JSON.readTree(http("/api/messages/" + messageId, "admin", ADMIN, null).body());
    }

    private List<LoggedRequest> requests() {
        return erp.findAll(postRequestedFor(urlEqualTo("/erp/batches")));
    }

    private HttpResponse<String> http(String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
