package org.medhub.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.HubProcess;
import org.medhub.hub.embedded.EmbeddedEngines;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Two hubs, each a JVM of its own, on one broker and one PostgreSQL: one consumer group per stage, so
 * they split the partitions between them. One is killed with SIGKILL mid-stream; the other takes its
 * partitions over, and the subscriber ends up with every record, each under one message id (a record
 * sent again comes with the same id, which the subscriber deduplicates by).
 */
class ScaleOutIT {

    private static final Log LOG = LogFactory.getLog(ScaleOutIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target/scaleout-logs");
    private static final String PARTNER = "scale-factory";
    private static final String SUBSCRIBER = "scale-erp";
    private static final String SECRET = "scale-secret";
    private static final String ADMIN = "scale-admin";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 10_000;
    private static final Duration ANSWER_DELAY = Duration.ofMillis(25);
    private static final String RAW_TOPIC = "medhub.raw." + PARTNER;
    private static final String CANONICAL_TOPIC = "medhub.canonical.batch";
    // the groups MappingPipelineTemplate and DeliveryRouteTemplate read with
    private static final String MAPPING_GROUP = "medhub.mapping." + PARTNER;
    private static final String DELIVERY_GROUP = "medhub.delivery." + SUBSCRIBER + "." + CANONICAL_TOPIC;

    @TempDir
    static Path dir;

    private static EmbeddedEngines engines;

    private Subscriber subscriber;
    private final List<HubProcess> hubs = new ArrayList<>();

    @BeforeAll
    static void startEngines() {
        // No Spring Boot in this JVM to set the levels: logback's default would log the broker at DEBUG
        LoggingSystem logging = LoggingSystem.get(ScaleOutIT.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel(ScaleOutIT.class.getName(), LogLevel.INFO);
        engines = EmbeddedEngines.start(dir.resolve("engines"), LOG);
    }

    @AfterAll
    static void stopEngines() {
        if (engines != null) {
            engines.close();
        }
    }

    @BeforeEach
    void startSubscriber() throws IOException {
        subscriber = Subscriber.start();
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Files.writeString(partners.resolve(PARTNER + ".yml"), """
                id: %s
                kind: CONTRACT_MANUFACTURER
                credential: env:SCALE_FACTORY_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: scale-batch-record
                      version: 1
                      entity: Batch
                      sourceId: $.recordId
                      fields:
                        gtin: $.gtin
                        lot: $.lot
                        materialNumber: $.item
                        status: { default: IN_PRODUCTION }
                """.formatted(PARTNER));
        Files.writeString(partners.resolve(SUBSCRIBER + ".yml"), """
                id: %s
                kind: ERP
                subscriptions:
                  - entity: Batch
                    url: %s
                    resilience: erp-delivery
                    batch: 100
                """.formatted(SUBSCRIBER, subscriber.url()));
    }

    @AfterEach
    void stopAll() {
        hubs.stream().filter(HubProcess::isAlive).forEach(hub -> hub.kill(false));
        subscriber.stop();
    }

    @Test
    void twoInstancesSplitThePartitionsAndTheSurvivorDeliversEveryRecordOnceInEffectAfterTheOtherIsKilled()
            throws Exception {
        // started side by side, as an orchestrator starts replicas: both migrate and seed the same database
        long started = System.nanoTime();
        HubProcess killed = launch("hub-a");
        HubProcess survivor = launch("hub-b");
        // two JVMs starting at once on two cores: each takes about twice as long as one alone
        killed.awaitReady(Duration.ofMinutes(3));
        survivor.awaitReady(Duration.ofMinutes(3));
        long ready = System.nanoTime();

        try (Admin admin = Admin.create(engines.kafkaClientSettings())) {
            await("both instances in each stage's group").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertSharedByTwo(admin, MAPPING_GROUP, RAW_TOPIC);
                        assertSharedByTwo(admin, DELIVERY_GROUP, CANONICAL_TOPIC);
                    });

            long split = System.nanoTime();
            Set<String> produced = produce();

            await("a quarter of the records at the subscriber").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50)).until(() -> subscriber.distinct() >= 2_500);
            int beforeKill = subscriber.distinct();
            killed.kill(false); // the JVM alone: PostgreSQL and Kafka live in this JVM and stay up
            long killedAt = System.nanoTime();
            assertThat(beforeKill).as("killed mid-stream, with records still to deliver").isLessThan(RECORDS);

            // its session ends (10 s) and the group hands its partitions to the survivor
            await("the survivor takes every partition").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertHeldByOne(admin, MAPPING_GROUP, RAW_TOPIC);
                        assertHeldByOne(admin, DELIVERY_GROUP, CANONICAL_TOPIC);
                    });
            long tookOver = System.nanoTime();
            await("every record at the subscriber").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> subscriber.distinct() >= RECORDS);
            long done = System.nanoTime();

            int resends = subscriber.receipts() - subscriber.distinct();
            LOG.info(String.format("both hubs ready after %.1f s, sharing both groups %.1f s later; killed one %.1f s"
                    + " after producing began, with %d distinct records at the subscriber; the survivor held every partition"
                    + " %.1f s after the kill and had delivered everything %.1f s after it; %d receipts of %d messages: %d re-sends"
                    + " (%d of them in another request, under another Idempotency-Key)", seconds(ready - started),
                    seconds(split - ready), seconds(killedAt - split), beforeKill, seconds(tookOver - killedAt),
                    seconds(done - killedAt), subscriber.receipts(), subscriber.distinct(), resends,
                    subscriber.resentUnderAnotherKey()));

            assertThat(subscriber.sources()).as("records at the subscriber (%d receipts, %d of them re-sends)",
                    subscriber.receipts(), resends).isEqualTo(produced);
            assertThat(subscriber.distinct()).as("message ids at the subscriber: one per record").isEqualTo(RECORDS);
            assertThat(subscriber.messageIdsOfSources()).as("the message ids of each record")
                    .allSatisfy((source, ids) -> assertThat(ids).as(source)
                            .containsExactly(MessageIds.fromSourceId(PARTNER, "Batch", source)));
            // A batched subscription's Idempotency-Key names the set of messages in the request: the survivor puts
            // its requests together anew from the dead instance's last committed offsets, so a message sent again
            // may come in another set, under another key, and the subscriber deduplicates by messageId (see
            // SubscriberGateway.attemptAll). What must hold: one message id per record, and a set always under one key.
            assertThat(subscriber.keysNotNamingTheirSet()).as("requests whose Idempotency-Key does not name its messages"
                    + " (%d re-sent messages came in another set)", subscriber.resentUnderAnotherKey()).isEmpty();
        }

        // The survivor's ledger agrees: every message delivered, none failed, none left on the way. It writes a
        // batch's deliveries after the subscriber's answer, so the last ones may still be on their way.
        await("the survivor's ledger settles").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String status : List.of("RECEIVED", "ADMITTED", "PUBLISHED", "FAILED", "CONFLICT", "UNCHANGED")) {
                        HttpResponse<String> found = survivor.http("/api/messages?partner=" + PARTNER + "&status=" + status,
                                "admin", ADMIN, null);
                        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                        assertThat(JSON.readTree(found.body()).get("count").asInt())
                                .as("messages %s, according to the survivor: %s", status, found.body()).isZero();
                    }
                });
    }

    private HubProcess launch(String name) throws IOException {
        List<String> arguments = new ArrayList<>(engines.arguments());
        arguments.addAll(List.of("--medhub.config-dir=" + dir.resolve("config"), "--medhub.admin.password=" + ADMIN,
                "--medhub.topics.partitions=" + PARTITIONS));
        HubProcess hub = HubProcess.launch(name, LOGS, dir.resolve(name), Map.of("SCALE_FACTORY_SECRET", SECRET), arguments);
        hubs.add(hub);
        return hub;
    }

    /**
     * Raw records as the intake writes them, straight to the raw topic, keyed so that every partition
     * gets some. Each has an id of its own and a lot of its own, so each is one message and one business key.
     */
    private Set<String> produce() throws Exception {
        Set<String> ids = new HashSet<>();
        AtomicIntegerArray perPartition = new AtomicIntegerArray(PARTITIONS);
        Map<String, Object> settings = new HashMap<>(engines.kafkaClientSettings());
        settings.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        try (Producer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            for (int i = 0; i < RECORDS; i++) {
                String id = "SCALE-%05d".formatted(i);
                ids.add(id);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(RAW_TOPIC, "raw-" + i, """
                        {"recordId": "%s", "gtin": "09506000134352", "lot": "LOT-%s", "item": "CATH-7F-110"}"""
                        .formatted(id, id).getBytes(StandardCharsets.UTF_8));
                record.headers().add("medhubPartner", PARTNER.getBytes(StandardCharsets.UTF_8));
                record.headers().add("medhubMessageType", "batch-record".getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, e) -> {
                    if (e == null) {
                        perPartition.incrementAndGet(metadata.partition());
                    }
                });
            }
            producer.flush();
        }
        int written = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            assertThat(perPartition.get(p)).as("records on partition %d of %s", p, RAW_TOPIC).isPositive();
            written += perPartition.get(p);
        }
        assertThat(written).as("records acknowledged by the broker").isEqualTo(RECORDS);
        return ids;
    }

    /** Two members, each with partitions of its own, and together every partition of the topic. */
    private static void assertSharedByTwo(Admin admin, String group, String topic) throws Exception {
        List<MemberDescription> members = members(admin, group);
        assertThat(members).as("members of %s", group).hasSize(2)
                .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).as("partitions of %s in %s", m.consumerId(), group)
                        .isNotEmpty());
        assertThat(partitionsOf(members)).as("partitions of %s read by %s", topic, group).isEqualTo(allPartitions(topic));
    }

    /** One member, holding every partition of the topic. */
    private static void assertHeldByOne(Admin admin, String group, String topic) throws Exception {
        List<MemberDescription> members = members(admin, group);
        assertThat(members).as("members of %s", group).hasSize(1);
        assertThat(partitionsOf(members)).as("partitions of %s read by %s", topic, group).isEqualTo(allPartitions(topic));
    }

    private static List<MemberDescription> members(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(10, TimeUnit.SECONDS);
        return List.copyOf(description.members());
    }

    private static Set<TopicPartition> partitionsOf(List<MemberDescription> members) {
        Set<TopicPartition> partitions = new HashSet<>();
        members.forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
        return partitions;
    }

    private static Set<TopicPartition> allPartitions(String topic) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        return partitions;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * The batched subscriber: a JSON array of envelopes per request (or one envelope), answered 201 once
     * it has noted every receipt of every message id, the record each came from, and the request's
     * Idempotency-Key.
     */
    private static final class Subscriber {

        private final HttpServer server;
        private final ExecutorService workers = Executors.newFixedThreadPool(8);
        private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
        /** by message id: the Idempotency-Key of each request it came in */
        private final Map<String, List<String>> keysByMessage = new ConcurrentHashMap<>();
        /** by the source's record id: the message ids it came under */
        private final Map<String, Set<String>> messagesBySource = new ConcurrentHashMap<>();
        private final List<String> keysNotNamingTheirSet = new ArrayList<>();
        private int receipts;

        private Subscriber(HttpServer server) {
            this.server = server;
        }

        static Subscriber start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            Subscriber subscriber = new Subscriber(server);
            server.createContext("/erp/batches", subscriber::receive);
            server.setExecutor(subscriber.workers);
            server.start();
            return subscriber;
        }

        private void receive(HttpExchange exchange) throws IOException {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            List<String> ids = new ArrayList<>();
            synchronized (this) {
                for (JsonNode envelope : body.isArray() ? body : List.of(body)) {
                    String messageId = envelope.get("messageId").asText();
                    ids.add(messageId);
                    keysByMessage.computeIfAbsent(messageId, m -> new ArrayList<>()).add(key);
                    messagesBySource.computeIfAbsent(envelope.get("sourceVersion").asText(), s -> new TreeSet<>()).add(messageId);
                    receipts++;
                }
                if (!("batch-" + MessageIds.ofBatch(ids)).equals(key)) {
                    keysNotNamingTheirSet.add(key + " for " + ids);
                }
            }
            // An ERP takes a moment to commit before it answers: the window in which a killed hub has delivered
            // a request but not recorded it, so that its successor sends it again. Answered later, not slept on.
            answers.schedule(() -> {
                try {
                    exchange.sendResponseHeaders(201, -1);
                } catch (IOException e) {
                    // the hub that sent it was killed meanwhile: the receipt counts, the answer goes nowhere
                } finally {
                    exchange.close();
                }
            }, ANSWER_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/erp/batches";
        }

        synchronized int distinct() {
            return keysByMessage.size();
        }

        synchronized int receipts() {
            return receipts;
        }

        /** Message ids that came again in a request put together differently, so under another key. */
        synchronized long resentUnderAnotherKey() {
            return keysByMessage.values().stream().filter(keys -> new HashSet<>(keys).size() > 1).count();
        }

        synchronized Set<String> sources() {
            return new HashSet<>(messagesBySource.keySet());
        }

        synchronized Map<String, Set<String>> messageIdsOfSources() {
            return new HashMap<>(messagesBySource);
        }

        synchronized List<String> keysNotNamingTheirSet() {
            return new ArrayList<>(keysNotNamingTheirSet);
        }

        void stop() {
            server.stop(0);
            answers.shutdownNow();
            workers.shutdownNow();
        }
    }
}
