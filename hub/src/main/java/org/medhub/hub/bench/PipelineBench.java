package org.medhub.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.MedhubApplication;
import org.medhub.hub.embedded.EmbeddedEngines;
import org.medhub.routes.inbound.MappedMessage;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.DeliveryCandidate;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.sync.RecordSync;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medhub bench pipeline}: on one real broker and one real PostgreSQL, with records of about
 * 1 KB and one local HTTP subscriber, measures in one run: a plain Kafka producer and consumer
 * ({@code plain}); the hub's shape with nothing of the hub in it ({@code bare}, {@link BareTopology});
 * the route a user writes first ({@code camel}, {@link NaiveCamelRoute}); and the hub's pipeline
 * ({@code hub}: raw topic → map → validate → admit → merge → canonical topic → delivery over HTTP), its
 * end-to-end latency at fixed moderate rates, and what mapping and the database's part do alone. A
 * measurement, not a test: it prints figures and never fails on them. The summary lines at the end
 * are meant for scripts: {@code throughput plain=N/s bare=N/s camel=N/s hub=N/s}, {@code ratio
 * hub/bare=R}, {@code ratio hub/camel=R}, {@code latency at R/s: p50=N ms p99=N ms p999=N ms}.
 */
public final class PipelineBench {

    private static final int PARTITIONS = 3;
    private static final String PARTNER = "bench-factory";
    private static final String PADDING = "批次记录 batch record padding ".repeat(24); // brings a record to about 1 KB
    private static final Duration PATIENCE = Duration.ofMinutes(15);
    /** Everything of a benchmark record after its ids and time, encoded once. */
    private static final byte[] RECORD_REST = ("""
            "product":{"gtin":"09506000134352","itemCode":"CATH-7F-110"},"state":"生产中","mfgDate":"2026-11-18",
             "expDate":"2029-11-17","qty":1200,"uom":"EA","remark":"%s"}""".formatted(PADDING)).getBytes(StandardCharsets.UTF_8);

    private final PrintStream out;
    private final int records;
    private final int warmup;
    private final int batch;
    private final List<Integer> rates;
    private final Duration latencyPhase;
    private final Duration settle;
    private final int camelRecords;
    private final int instances;
    private final int rounds;
    private final List<String> summary = new ArrayList<>();
    private EmbeddedEngines engines;

    PipelineBench(PrintStream out, int records, int warmup, int batch, List<Integer> rates, Duration latencyPhase,
            Duration settle, int camelRecords, int instances, int rounds) {
        this.out = out;
        this.records = records;
        this.warmup = warmup;
        this.batch = batch;
        this.rates = rates;
        this.latencyPhase = latencyPhase;
        this.settle = settle;
        this.camelRecords = camelRecords;
        this.instances = instances;
        this.rounds = rounds;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("pipeline")) {
            err.println("usage: medhub bench pipeline [--records 50000] [--warmup 20000] [--batch 500] [--rate 1000,2000]"
                    + " [--seconds 20] [--settle 120] [--camel-records 5000] [--instances 1] [--rounds 3]");
            return 2;
        }
        List<Integer> rates = Arrays.stream(text(args, "--rate", "1000,2000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        PipelineBench bench = new PipelineBench(out, option(args, "--records", 50_000), option(args, "--warmup", 20_000),
                option(args, "--batch", 500), rates, Duration.ofSeconds(option(args, "--seconds", 20)),
                Duration.ofSeconds(option(args, "--settle", 120)),
                option(args, "--camel-records", 5_000), option(args, "--instances", 1), option(args, "--rounds", 3));
        bench.run();
        return 0;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("medhub-bench-");
        out.printf("medhub bench pipeline: %d records of ~1 KB after %d to warm up (%d through the naive Camel route),"
                + " up to %d records per delivery request, latency at %s records/s for %d s each after %d s at that rate,"
                + " %d hub instance(s), bare and hub timed in %d rounds; engines in %s%n", records, warmup, camelRecords, batch,
                rates, latencyPhase.toSeconds(), settle.toSeconds(), instances, rounds, dir);
        out.printf("machine: %d cores, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        try (EmbeddedEngines engines = EmbeddedEngines.start(dir.resolve("data"), LogFactory.getLog(PipelineBench.class))) {
            this.engines = engines;
            Map<String, Object> kafka = engines.kafkaClientSettings();
            double produced = plainProducer(kafka);
            double consumed = plainConsumer(kafka);
            out.printf("plain producer (acks=all, idempotent, linger 5 ms): %,10.0f records/s%n", produced);
            out.printf("plain consumer:                                     %,10.0f records/s%n", consumed);
            double bare = bare(kafka);
            out.printf("bare (raw → canonical → HTTP, no ledger, no mapping): %,10.0f records/s%n", bare);
            double camel = camel(kafka);
            out.printf("camel (kafka → idempotent consumer → kafka → http, an exchange at a time): %,10.0f records/s%n", camel);
            double hub = hub(engines, dir);
            summary.add(0, String.format("throughput plain=%.0f/s bare=%.0f/s camel=%.0f/s hub=%.0f/s", produced, bare, camel, hub));
            summary.add(1, String.format("ratio hub/bare=%.2f", hub / bare));
            summary.add(2, String.format("ratio hub/camel=%.2f", hub / camel));
        }
        summary.forEach(out::println);
    }

    private double plainProducer(Map<String, Object> kafka) throws Exception {
        createTopic(kafka, "bench.warmup");
        createTopic(kafka, "bench.plain");
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerSettings(kafka))) {
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

    /** The bare topology, warmed up like the hub, then timed over the same number of records in as many rounds. */
    private double bare(Map<String, Object> kafka) throws Exception {
        createTopic(kafka, BareTopology.RAW);
        createTopic(kafka, BareTopology.CANONICAL);
        try (BenchSubscriber subscriber = BenchSubscriber.start();
                BareTopology bare = new BareTopology(kafka, subscriber.url());
                Producer<String, byte[]> generator = new KafkaProducer<>(producerSettings(kafka))) {
            bare.start();
            return median(generator, BareTopology.RAW, subscriber);
        }
    }

    /** The naive Camel route, on fewer records: it is an order of magnitude slower. */
    private double camel(Map<String, Object> kafka) throws Exception {
        createTopic(kafka, NaiveCamelRoute.RAW);
        createTopic(kafka, NaiveCamelRoute.CANONICAL);
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(NaiveCamelRoute.SEEN, 1, (short) 1))).all().get();
        }
        try (BenchSubscriber subscriber = BenchSubscriber.start();
                NaiveCamelRoute camel = new NaiveCamelRoute(kafka, subscriber.url());
                Producer<String, byte[]> generator = new KafkaProducer<>(producerSettings(kafka))) {
            camel.start();
            return timed(generator, NaiveCamelRoute.RAW, subscriber, 0, Math.min(warmup, camelRecords / 5), camelRecords);
        }
    }

    /**
     * Sends {@code warm} records and waits until the subscriber has them (the JIT compiles the hot paths:
     * on two cores it takes most of one for a minute), then times {@code timed} more until the
     * subscriber has the last one.
     */
    private double timed(Producer<String, byte[]> generator, String topic, BenchSubscriber subscriber, int first,
            int warm, int timed) throws InterruptedException {
        for (int i = first; i < first + warm; i++) {
            generator.send(raw(topic, i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
        }
        generator.flush();
        subscriber.await(first + warm, PATIENCE);
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        for (int i = first + warm; i < first + warm + timed; i++) {
            generator.send(raw(topic, i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
        }
        generator.flush();
        subscriber.await(first + warm + timed, PATIENCE);
        double rate = timed / seconds(start);
        out.println("  " + cpu.perRecord(timed));
        return rate;
    }

    /**
     * The median rate of {@code rounds} timed runs of {@code records} each, after the warm-up. The ratio to bare is
     * what the targets name, and bare's few seconds on cores it shares with the broker varied from 7,200 to 22,100
     * records/s between runs of one build: one round is not a measurement.
     */
    private double median(Producer<String, byte[]> generator, String topic, BenchSubscriber subscriber)
            throws InterruptedException {
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            rates[round] = round == 0 ? timed(generator, topic, subscriber, 0, warmup, records)
                    : timed(generator, topic, subscriber, warmup + round * records, 0, records);
        }
        if (rounds > 1) {
            out.printf("  rounds: %s records/s; the median is taken%n", Arrays.stream(rates)
                    .mapToObj(r -> String.format("%,.0f", r)).toList());
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }

    private double hub(EmbeddedEngines engines, Path dir) throws Exception {
        List<ConfigurableApplicationContext> hubs = new ArrayList<>();
        Producer<String, byte[]> generator = null;
        try (BenchSubscriber subscriber = BenchSubscriber.start()) {
            Path config = writePartners(dir.resolve("config"), subscriber.url(), batch);
            for (int i = 1; i <= instances; i++) { // one consumer group: the partitions are split between them
                List<String> arguments = new ArrayList<>(engines.arguments());
                arguments.addAll(List.of("--medhub.data-dir=" + dir.resolve(i == 1 ? "data" : "data-" + i),
                        "--medhub.config-dir=" + config, "--medhub.admin.password=bench-only", "--server.port=0",
                        "--medhub.topics.partitions=" + PARTITIONS, "--logging.level.root=WARN",
                        "--logging.level.org.medhub=WARN"));
                hubs.add(MedhubApplication.start(arguments.toArray(String[]::new)));
            }
            String topic = "medhub.raw." + PARTNER;
            // the hubs create the raw topic; records sent while its leaders are still being elected came
            // back as NOT_LEADER and then, once, as out of order for the idempotent producer, for good
            awaitLeaders(engines.kafkaClientSettings(), topic);
            generator = new KafkaProducer<>(producerSettings(engines.kafkaClientSettings()));
            double hubRate = median(generator, topic, subscriber);
            out.printf("hub pipeline (raw → map → validate → canonical → HTTP delivery), %d instance(s): %,10.0f records/s%n",
                    instances, hubRate);

            int sent = warmup + rounds * records;
            for (int rate : rates) {
                sent += latency(generator, topic, subscriber, sent, rate, hubs.get(0).getBean(DataSource.class));
            }
            ceilings(hubs.get(0), sent);
            return hubRate;
        } finally {
            if (generator != null) {
                generator.close();
            }
            hubs.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** A fixed, moderate rate, each record's latency from its business time to the subscriber's receipt. */
    private int latency(Producer<String, byte[]> generator, String topic, BenchSubscriber subscriber, int first, int rate,
            DataSource database) throws InterruptedException {
        // Unmeasured first: on two cores the JIT compiler still takes a third of the machine for a minute or
        // more after the throughput phase (JFR: thousands of compilations), and a hub runs for days.
        int settled = atRate(generator, topic, first, rate, settle);
        subscriber.await(first + settled, Duration.ofMinutes(5));
        subscriber.resetLatencies();
        Instant phaseStart = Instant.now();
        CpuMeter cpu = CpuMeter.start();
        StallWatch watch = new StallWatch(database);
        int count = atRate(generator, topic, first + settled, rate, latencyPhase);
        subscriber.await(first + settled + count, Duration.ofMinutes(5));
        watch.close();
        String processorTime = cpu.perRecord(count);
        List<Long> sorted = subscriber.sortedLatencies();
        String line = String.format("latency at %d/s: p50=%.1f ms p99=%.1f ms p999=%.1f ms", rate,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, percentile(sorted, 99.9) / 1000.0);
        out.printf("%s (over %d records, max %.1f ms)%n", line, sorted.size(), sorted.get(sorted.size() - 1) / 1000.0);
        summary.add(line);
        List<long[]> passages = toCanonical(phaseStart);
        List<Long> mapping = passages.stream().map(p -> p[1]).sorted().toList();
        out.printf("  of which to the canonical topic (raw → map → admit → merge → write): p50=%.1f ms p99=%.1f ms%n",
                percentile(mapping, 50) / 1000.0, percentile(mapping, 99) / 1000.0);
        out.println("  " + processorTime);
        out.println("  " + watch.describe(passages, TimeUnit.MILLISECONDS.toMicros(100)));
        return settled + count;
    }

    /** Sends records at a fixed rate for a while, from record number {@code first}; returns how many. */
    private static int atRate(Producer<String, byte[]> generator, String topic, int first, int rate, Duration duration) {
        int count = (int) (rate * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            // parked, not spinning: a spinning generator would take one of the two cores from the hub
            for (long wait; (wait = begin + i * interval - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            generator.send(raw(topic, first + i, OffsetDateTime.now(ZoneOffset.ofHours(8))));
        }
        generator.flush();
        return count;
    }

    /**
     * The first half of each record's latency: from its business time to the moment the mapping stage
     * wrote its canonical record (the record's Kafka timestamp), for the records sent since {@code from}:
     * when each was sent (epoch milliseconds) and how long it took (microseconds).
     */
    private List<long[]> toCanonical(Instant from) {
        List<long[]> latencies = new ArrayList<>();
        String topic = Topics.canonical("batch");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(with(engines.kafkaClientSettings(), Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = CanonicalJson.mapper().readTree(record.value());
                    Instant sent = OffsetDateTime.parse(envelope.path("occurredAt").asText()).toInstant();
                    if (!sent.isBefore(from)) {
                        latencies.add(new long[] {sent.toEpochMilli(),
                                record.timestamp() * 1000 - (sent.getEpochSecond() * 1_000_000 + sent.getNano() / 1000)});
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return latencies;
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
        double mappingRate = records / seconds(start);
        out.printf("alone, on one thread: mapping and validation:       %,10.0f records/s%n", mappingRate);
        start = System.nanoTime();
        for (int from = 0; from < mapped.size(); from += 500) {
            List<Admittance> batch = mapped.subList(from, Math.min(mapped.size(), from + 500));
            ledger.admit(batch);
            sync.apply(batch.stream().map(Admittance::envelope).toList());
            List<Publication> published = new ArrayList<>(batch.size());
            List<DeliveryOutcome> delivered = new ArrayList<>(batch.size());
            List<DeliveryCandidate> read = new ArrayList<>(batch.size());
            for (Admittance message : batch) {
                KafkaLocation canonical = new KafkaLocation("medhub.canonical.batch", 0, message.raw().offset());
                published.add(new Publication(message.envelope().messageId(), canonical, List.of("bench-erp")));
                read.add(new DeliveryCandidate(message.envelope().messageId(), message.envelope().businessKey(), canonical));
                delivered.add(new DeliveryOutcome(message.envelope().messageId(), message.envelope().businessKey(),
                        canonical, DeliveryStatus.DELIVERED, 1, 201, null, null, null));
            }
            ledger.published(published);
            ledger.recordDeliveries("bench-erp", delivered, ledger.deliveryState("bench-erp", read).withRows());
        }
        double databaseRate = mapped.size() / seconds(start);
        out.printf("alone, on one thread: the database's part of a record (admit, merge, publish, deliver): %,10.0f records/s%n",
                databaseRate);
        summary.add(String.format("alone mapping=%.0f/s database=%.0f/s", mappingRate, databaseRate));
    }

    private static ProducerRecord<String, byte[]> raw(String topic, int i, OffsetDateTime at) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "raw-" + i, record(i, at));
        record.headers().add("medhubPartner", PARTNER.getBytes(StandardCharsets.UTF_8));
        record.headers().add("medhubMessageType", "batch-record".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * A contract factory's batch record, about 1 KB, its business time the moment it is sent. Only its
     * ids and time are written per record: encoding the whole text (its padding is Chinese) took the
     * generator a large share of one of the two cores the measured topologies need.
     */
    private static byte[] record(int i, OffsetDateTime at) {
        byte[] head = ("{\"recordId\":\"BENCH-" + i + "\",\"reportedAt\":\"" + at.truncatedTo(ChronoUnit.MICROS)
                + "\",\"lotNo\":\"B" + i + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] record = Arrays.copyOf(head, head.length + RECORD_REST.length);
        System.arraycopy(RECORD_REST, 0, record, head.length, RECORD_REST.length);
        return record;
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

    static Map<String, Object> producerSettings(Map<String, Object> kafka) {
        return with(kafka, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    static Map<String, Object> with(Map<String, Object> kafka, Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(kafka);
        all.putAll(settings);
        return all;
    }

    private static void createTopic(Map<String, Object> kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    private static void awaitLeaders(Map<String, Object> kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " has partitions without a leader after a minute");
                }
                Thread.sleep(100);
            }
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int option(List<String> args, String name, int fallback) {
        return Integer.parseInt(text(args, name, String.valueOf(fallback)));
    }

    private static String text(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }
}
