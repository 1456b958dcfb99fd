package org.medhub.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.hub.MedhubApplication;
import org.medhub.hub.embedded.EmbeddedEngines;
import org.medhub.routes.inbound.MappedMessage;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.sync.RecordSync;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medhub bench pipeline}: on one real broker and one real PostgreSQL, measures a plain Kafka
 * producer and consumer, then the hub's pipeline (raw topic → map → validate → canonical topic →
 * delivery over HTTP to a subscriber) with records of about 1 KB, the end-to-end latency at a fixed
 * moderate rate, and what mapping and the database's part do alone. A measurement, not a test: it
 * prints figures and never fails on them.
 */
public final class PipelineBench {

    private static final int PARTITIONS = 3;
    private static final String PARTNER = "bench-factory";
    private static final String PADDING = "批次记录 batch record padding ".repeat(24); // brings a record to about 1 KB

    private final PrintStream out;
    private final int records;
    private final int warmup;
    private final int batch;
    private final int rate;
    private final Duration latencyPhase;

    PipelineBench(PrintStream out, int records, int warmup, int batch, int rate, Duration latencyPhase) {
        this.out = out;
        this.records = records;
        this.warmup = warmup;
        this.batch = batch;
        this.rate = rate;
        this.latencyPhase = latencyPhase;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("pipeline")) {
            err.println("usage: medhub bench pipeline [--records 50000] [--warmup 20000] [--batch 500] [--rate 1000]"
                    + " [--seconds 20]");
            return 2;
        }
        PipelineBench bench = new PipelineBench(out, option(args, "--records", 50_000), option(args, "--warmup", 20_000),
                option(args, "--batch", 500), option(args, "--rate", 1000), Duration.ofSeconds(option(args, "--seconds", 20)));
        bench.run();
        return 0;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("medhub-bench-");
        out.printf("medhub bench pipeline: %d records of ~1 KB after %d to warm up, up to %d records per delivery request,"
                + " latency at %d records/s for %d s; engines in %s%n", records, warmup, batch, rate, latencyPhase.toSeconds(), dir);
        out.printf("machine: %d cores, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        try (EmbeddedEngines engines = EmbeddedEngines.start(dir.resolve("data"), LogFactory.getLog(PipelineBench.class))) {
            double produced = plainProducer(engines.kafkaClientSettings());
            double consumed = plainConsumer(engines.kafkaClientSettings());
            out.printf("plain producer (acks=all, idempotent, linger 5 ms): %,10.0f records/s%n", produced);
            out.printf("plain consumer:                                     %,10.0f records/s%n", consumed);
            hub(engines, dir, produced);
        }
    }

    private double plainProducer(Map<String, Object> kafka) throws Exception {
        createTopic(kafka, "bench.warmup");
        createTopic(kafka, "bench.plain");
        try (Producer<String, byte[]> producer = producer(kafka)) {
            byte[] value = record(0, OffsetDateTime.now(ZoneOffset.ofHours(8)));
            for (int i = 0; i < warmup; i++) { // the same warm-up as the hub gets: compiled code, not the interpreter
                producer.send(new ProducerRecord<>("bench.warmup", "key-" + i, value));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.plain", "key-" + i, value));
            }
            producer.flush();
            return records / seconds(start);
        }
    }

    private double plainConsumer(Map<String, Object> kafka) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(with(kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "bench.plain",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            consumer.subscribe(List.of("bench.plain"));
            long start = System.nanoTime();
            int read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records / seconds(start);
        }
    }

    private void hub(EmbeddedEngines engines, Path dir, double plainRate) throws Exception {
        Subscriber subscriber = Subscriber.start();
        Path config = writePartners(dir.resolve("config"), subscriber.url(), batch);
        List<String> arguments = new java.util.ArrayList<>(engines.arguments());
        arguments.addAll(List.of("--medhub.data-dir=" + dir.resolve("data"), "--medhub.config-dir=" + config,
                "--medhub.admin.password=bench-only", "--server.port=0", "--medhub.topics.partitions=" + PARTITIONS,
                "--logging.level.root=WARN", "--logging.level.org.medhub=WARN"));
        ConfigurableApplicationContext hub = MedhubApplication.start(arguments.toArray(String[]::new));
        try (Producer<String, byte[]> generator = producer(engines.kafkaClientSettings())) {
            // Warm-up: the JIT compiles the hot paths (on two cores it takes most of one for a minute).
            for (int i = 0; i < warmup; i++) {
                generator.send(raw(i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
            }
            generator.flush();
            subscriber.await(warmup, Duration.ofMinutes(15));

            // Throughput: everything at once, timed until the subscriber has the last record.
            long start = System.nanoTime();
            for (int i = warmup; i < warmup + records; i++) {
                generator.send(raw(i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
            }
            generator.flush();
            subscriber.await(warmup + records, Duration.ofMinutes(15));
            double hubRate = records / seconds(start);
            out.printf("hub pipeline (raw → map → validate → canonical → HTTP delivery): %,10.0f records/s%n", hubRate);
            out.printf("hub / plain producer: %.0f %%%n", 100 * hubRate / plainRate);

            // Latency: a fixed, moderate rate, from business time to the subscriber's receipt.
            subscriber.latencies.clear();
            int count = (int) (rate * latencyPhase.toSeconds());
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                // parked, not spinning: a spinning generator would take one of the two cores from the hub
                for (long wait; (wait = begin + i * interval - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                generator.send(raw(warmup + records + i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
            }
            generator.flush();
            subscriber.await(warmup + records + count, Duration.ofMinutes(5));
            List<Long> sorted = new ArrayList<>(subscriber.latencies);
            Collections.sort(sorted);
            out.printf("end-to-end latency at %d records/s over %d records: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    rate, sorted.size(), percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0);

            ceilings(hub, warmup + records + count);
        } finally {
            hub.close();
            subscriber.stop();
        }
    }

    /**
     * What two of the pipeline's parts do alone, on one thread, with no Kafka and no HTTP: mapping and
     * validation, and the database's part of a message (admission, the merge into the current record,
     * publication, one delivery), in batches as the pipeline writes them. The pipeline cannot be faster
     * than its database part allows.
     */
    private void ceilings(ConfigurableApplicationContext hub, int firstRecord) {
        RecordMapping mapping = hub.getBean(RecordMapping.class);
        Ledger ledger = hub.getBean(Ledger.class);
        RecordSync sync = hub.getBean(RecordSync.class);
        List<Admittance> mapped = new ArrayList<>(records);
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            KafkaLocation raw = new KafkaLocation("medhub.raw." + PARTNER, 0, firstRecord + i);
            for (MappedMessage message : mapping.map(PARTNER, "batch-record",
                    record(firstRecord + i, OffsetDateTime.now(ZoneOffset.ofHours(8))))) {
                mapped.add(new Admittance(message.envelope(), "batch-record", raw, message.lineage()));
            }
        }
        out.printf("alone, on one thread: mapping and validation:       %,10.0f records/s%n", records / seconds(start));
        start = System.nanoTime();
        for (int from = 0; from < mapped.size(); from += 500) {
            List<Admittance> batch = mapped.subList(from, Math.min(mapped.size(), from + 500));
            ledger.admit(batch);
            sync.apply(batch.stream().map(Admittance::envelope).toList());
            List<Publication> published = new ArrayList<>(batch.size());
            List<DeliveryOutcome> delivered = new ArrayList<>(batch.size());
            for (Admittance message : batch) {
                KafkaLocation canonical = new KafkaLocation("medhub.canonical.batch", 0, message.raw().offset());
                published.add(new Publication(message.envelope().messageId(), canonical, List.of("bench-erp")));
                delivered.add(new DeliveryOutcome(message.envelope().messageId(), message.envelope().businessKey(),
                        canonical, DeliveryStatus.DELIVERED, 1, 201, null, null, null));
            }
            ledger.published(published);
            ledger.settledFor("bench-erp", published.stream().map(Publication::messageId).toList());
            ledger.recordDeliveries("bench-erp", delivered);
        }
        out.printf("alone, on one thread: the database's part of a record (admit, merge, publish, deliver): %,10.0f records/s%n",
                mapped.size() / seconds(start));
    }

    private static ProducerRecord<String, byte[]> raw(int i, OffsetDateTime at) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("medhub.raw." + PARTNER, "raw-" + i, record(i, at));
        record.headers().add("medhubPartner", PARTNER.getBytes(StandardCharsets.UTF_8));
        record.headers().add("medhubMessageType", "batch-record".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A contract factory's batch record, about 1 KB, its business time the moment it is sent. */
    private static byte[] record(int i, OffsetDateTime at) {
        return ("""
                {"recordId":"BENCH-%d","reportedAt":"%s","product":{"gtin":"09506000134352","itemCode":"CATH-7F-110"},
                 "lotNo":"B%d","state":"生产中","mfgDate":"2026-11-18","expDate":"2029-11-17","qty":1200,"uom":"EA",
                 "remark":"%s"}""".formatted(i, at.truncatedTo(ChronoUnit.MICROS), i, PADDING))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Path writePartners(Path config, String subscriberUrl, int batch) throws IOException {
        Path partners = Files.createDirectories(config.resolve("partners"));
        Files.writeString(partners.resolve(PARTNER + ".yml"), """
                id: %s
                kind: CONTRACT_MANUFACTURER
                credential: env:MEDHUB_BENCH_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: bench-batch-record
                      version: 1
                      entity: Batch
                      sourceId: $.recordId
                      occurredAt: $.reportedAt
                      fields:
                        gtin: $.product.gtin
                        lot: $.lotNo
                        materialNumber: $.product.itemCode
                        status: { path: $.state, codes: { 生产中: IN_PRODUCTION } }
                        productionDate: $.mfgDate
                        expiryDate: $.expDate
                        quantity.value: $.qty
                        quantity.unit: $.uom
                        statusReason: $.remark
                """.formatted(PARTNER));
        Files.writeString(partners.resolve("bench-erp.yml"), """
                id: bench-erp
                kind: ERP
                subscriptions:
                  - entity: Batch
                    url: %s
                    resilience: erp-delivery
                    batch: %d
                """.formatted(subscriberUrl, batch));
        System.setProperty("MEDHUB_BENCH_SECRET", "bench-only");
        return config;
    }

    private static Producer<String, byte[]> producer(Map<String, Object> kafka) {
        return new KafkaProducer<>(with(kafka, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    private static Map<String, Object> with(Map<String, Object> kafka, Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(kafka);
        all.putAll(settings);
        return all;
    }

    private static void createTopic(Map<String, Object> kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int option(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
    }

    /**
     * The subscriber: accepts every delivery, one envelope or an array of them, counts distinct messages
     * (by message id, as a batched subscription asks), and notes each one's latency.
     */
    private static final class Subscriber {

        final HttpServer server;
        final Map<String, Boolean> received = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();

        private Subscriber(HttpServer server) {
            this.server = server;
        }

        static Subscriber start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            Subscriber subscriber = new Subscriber(server);
            server.createContext("/batches", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                JsonNode json = CanonicalJson.mapper().readTree(body);
                for (JsonNode one : json.isArray() ? json : List.of(json)) {
                    Envelope envelope = CanonicalJson.mapper().treeToValue(one, Envelope.class);
                    if (subscriber.received.putIfAbsent(envelope.messageId(), Boolean.TRUE) == null) {
                        long sent = envelope.occurredAt().toInstant().toEpochMilli() * 1000
                                + envelope.occurredAt().getNano() / 1000 % 1000;
                        subscriber.latencies.add(Math.max(0, now - sent));
                        subscriber.count.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.start();
            return subscriber;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/batches";
        }

        void await(int expected, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (count.get() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the subscriber got " + count.get() + " of " + expected + " records in " + limit);
                }
                Thread.sleep(5);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
