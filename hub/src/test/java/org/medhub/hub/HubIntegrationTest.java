package org.medhub.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as it runs: a real Kafka broker and a real PostgreSQL (the embedded engines, under a
 * temporary data directory), the ERP a WireMock stub. Every subclass shares one running hub.
 */
@SpringBootTest(classes = MedhubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // here, not in a @DynamicPropertySource: the embedded engines start before those are applied
        properties = {"medhub.data-dir=" + HubIntegrationTest.DATA_DIR, "medhub.config-dir=" + HubIntegrationTest.CONFIG_DIR})
@ActiveProfiles("it")
@AutoConfigureObservability(tracing = false) // metrics as the hub exports them, which Spring's tests turn off by default
public abstract class HubIntegrationTest {

    protected static final String ACME = "acme-factory";
    protected static final String ACME_SECRET = "acme-it-secret";
    protected static final String BETA = "beta-factory";
    protected static final String BETA_SECRET = "beta-it-secret";
    protected static final String ADMIN_PASSWORD = "it-admin-password";
    protected static final ObjectMapper JSON = new ObjectMapper();

    static final String DATA_DIR = "target/it-data";
    /** The running hub's data directory: {@code file:} references in partner files are relative to it. */
    protected static final String DATA_DIR_FOR_TESTS = DATA_DIR;
    /** A copy of {@code src/test/resources/it-config}: tests that reload add and remove partner files here. */
    protected static final String CONFIG_DIR = "target/it-config";

    static {
        deleteRecursively(Path.of(DATA_DIR)); // every run starts from empty engines
        deleteRecursively(Path.of(CONFIG_DIR));
        copyRecursively(Path.of("src/test/resources/it-config"), Path.of(CONFIG_DIR));
        CUSTOMS_KEY = customsSigningKey(Path.of("target/it-customs/customs-it.pem"));
    }

    /** The declarant's key the customs profiles sign with: made for the run, as a device maker's would be issued. */
    protected static final java.security.KeyPair CUSTOMS_KEY;

    private static java.security.KeyPair customsSigningKey(Path file) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return pair;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One ERP stub for the whole run: the hub, cached across test classes, keeps its URL. */
    protected static final WireMockServer erp = startErp();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private KafkaProperties kafkaProperties;

    @BeforeEach
    void resetErp() {
        erp.resetAll();
        // the WMS, QA and archive subscribers accept everything unless a test says otherwise
        erp.stubFor(post(urlPathMatching("/wms/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
        erp.stubFor(post(urlPathMatching("/qa/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
        erp.stubFor(post(urlPathMatching("/archive/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
    }

    @AfterEach
    void everyErpRequestWasExpected() {
        assertThat(erp.findAllUnmatchedRequests()).as("requests the ERP stub did not expect").isEmpty();
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("IT_ERP_URL", erp::baseUrl);
    }

    protected HttpResponse<String> postBytes(String path, String user, String password, byte[] body) {
        return postBytes(path, user, password, body, "application/json");
    }

    protected HttpResponse<String> postBytes(String path, String user, String password, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user, password);
    }

    protected HttpResponse<String> putBytes(String path, String user, String password, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), user, password);
    }

    protected HttpResponse<String> postBatch(String partner, String secret, String json) {
        return postBytes("/api/inbound/" + partner + "/batch-record", partner, secret, json.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> postEmpty(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), user, password);
    }

    protected HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
    }

    /** A GET whose answer is bytes (an archive), not text. */
    protected HttpResponse<byte[]> getBytes(String path, String user, String password) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request to the hub failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected JsonNode message(String messageId) {
        return json(get("/api/messages/" + messageId, "admin", ADMIN_PASSWORD));
    }

    /** The hub is healthy after whatever a test sent it: a good batch record posted now reaches the ERP. */
    protected void assertStillDelivers() {
        // below the priority of a test's own stubs, which may make the ERP fail on purpose
        erp.stubFor(post("/erp/batches").atPriority(10).willReturn(aResponse().withStatus(201)));
        String lot = "LOT-HEALTHY-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var response = postBatch(ACME, ACME_SECRET, acmeBatch("REC-" + lot, lot));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String messageId = json(response).get("messageId").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
    }

    /** The newest dead letter of {@code messageId} on {@code medhub.dlq}, or null. */
    protected JsonNode deadLetter(String messageId) {
        return readAll(org.medhub.routes.kafka.Topics.DLQ).stream().filter(r -> messageId.equals(r.key()))
                .map(r -> json(r.value())).reduce((a, b) -> b).orElse(null);
    }

    /** Every record of {@code topic} from its beginning to its end now. */
    protected List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafkaClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Waits until a consumer group of the hub has partitions: one that reads from the newest record on (customs,
     * alerts) sees only what is published after that.
     */
    protected void awaitConsumerGroup(String group) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(kafkaClient(Map.of()))) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> admin
                    .describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .anyMatch(m -> !m.assignment().topicPartitions().isEmpty()));
        }
    }

    /** Settings for a Kafka client of the test's own that talks to the hub's broker, plus {@code more}. */
    protected Map<String, Object> kafkaClient(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(kafkaProperties.buildAdminProperties(null));
        settings.putAll(more);
        return settings;
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    protected static JsonNode json(byte[] bytes) {
        return json(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Adds or replaces a partner file of the running hub's configuration; {@link #reloadPartners} puts it in force. */
    protected static Path writePartnerFile(String partnerId, String yaml) {
        try {
            return Files.writeString(Path.of(CONFIG_DIR, "partners", partnerId + ".yml"), yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void removePartnerFile(String partnerId) {
        try {
            Files.deleteIfExists(Path.of(CONFIG_DIR, "partners", partnerId + ".yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the partner files in force, signed by the admin (an electronic signature, meaning APPROVAL). */
    protected HttpResponse<String> reloadPartners() {
        return postBytes("/api/partners/reload", "admin", ADMIN_PASSWORD, ("{\"signature\": {\"password\": \""
                + ADMIN_PASSWORD + "\", \"meaning\": \"APPROVAL\"}}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A partner file for a factory that sends batch records as ACME does, with its credential
     * {@link #ACME_SECRET}; {@code more} is appended (channels, subscriptions).
     */
    protected static String batchPartner(String partnerId, String more) {
        return """
                id: %s
                kind: CONTRACT_MANUFACTURER
                credential: env:IT_ACME_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: %s-batch-record
                      version: 1
                      entity: Batch
                      sourceId: $.recordId
                      occurredAt: $.reportedAt
                      fields:
                        gtin: $.product.gtin
                        lot: $.lotNo
                        materialNumber: $.product.itemCode
                        releasedBy: $.qa.releasedBy
                        releasedAt: $.qa.releasedAt
                        status:
                          path: $.state
                          codes: { 生产中: IN_PRODUCTION, 放行: RELEASED }
                        productionDate: $.mfgDate
                        expiryDate: $.expDate
                        quantity.value: $.qty
                        quantity.unit: { path: $.uom, default: EA }
                """.formatted(partnerId, partnerId) + more;
    }

    /** A batch record as the ACME factory's MES sends it. */
    protected static String acmeBatch(String recordId, String lot) {
        return """
                {"recordId": "%s", "reportedAt": "2026-11-21T09:30:00+08:00",
                 "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "%s", "state": "放行",
                 "qa": {"releasedBy": "zhang.wei", "releasedAt": "2026-11-21T09:00:00+08:00"},
                 "mfgDate": "2026-11-18", "expDate": "2029-11-17", "qty": 1200, "uom": "EA"}
                """.formatted(recordId, lot);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request to the hub failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Where the running hub's API is: {@code http://127.0.0.1:<port>}. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private static WireMockServer startErp() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private static void copyRecursively(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + from + " to " + to, e);
        }
    }

    protected static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty " + dir, e);
        }
    }
}
