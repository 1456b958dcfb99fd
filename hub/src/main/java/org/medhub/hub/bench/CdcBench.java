package org.medhub.hub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.logging.LogFactory;
import org.medhub.connectors.cdc.CapturedTable;
import org.medhub.connectors.cdc.ChangeFeed;
import org.medhub.connectors.cdc.RowChange;
import org.medhub.connectors.cdc.SourceDatabase;
import org.medhub.connectors.transport.Secret;
import org.medhub.hub.MedhubApplication;
import org.medhub.hub.embedded.EmbeddedEngines;
import org.medhub.routes.cdc.CdcFeeds;
import org.medhub.routes.cdc.CdcStatus;
import org.medhub.routes.kafka.Topics;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medhub bench cdc}: on one real PostgreSQL (logical WAL) and one real broker, measures in one run how fast
 * Debezium's embedded engine alone ({@code raw}: the connectors module's {@link ChangeFeed} handing its changes to a
 * listener that counts them) and the hub's change data capture ({@code medhub}: feed → raw topic → map → validate →
 * admit → merge → canonical topic) read the same table's changes, and the hub's latency from a row's commit to its
 * canonical record at a fixed rate. Throughput is a backlog drained: rows committed while the feed stood still
 * (closed for raw, paused for the hub), read once it starts again, the rate taken over the middle 90 % of them as
 * they come out (see {@link Arrivals#rate}), so that neither the engine's start nor its batching counts. The
 * latency is from the commit (the source's commit time, in milliseconds, which the canonical envelope carries as
 * {@code occurredAt}) to the canonical record's Kafka timestamp. A measurement, not a test: it prints figures and
 * never fails on them. The summary lines at the end are meant for scripts: {@code throughput raw=N/s medhub=N/s},
 * {@code ratio medhub/raw=R}, {@code latency commit->canonical at R/s: p50=N ms p99=N ms}.
 */
public final class CdcBench {

    /** The hub's source, {@code config/cdc/bench-erp.yml}. */
    static final String SOURCE = "bench-erp";
    /** The raw engine's own source name: its own slot, publication and offsets. */
    private static final String RAW_SOURCE = "bench-raw";
    private static final String CANONICAL = Topics.canonical("material");
    /** Series of rows, by the prefix of their material number. */
    private static final String WARMUP = "W";
    private static final String TIMED = "T";
    private static final String SETTLE = "S";
    private static final String LATENCY = "L";
    private static final Duration STALL = Duration.ofMinutes(2);
    private static final Duration OFFSET_FLUSH = Duration.ofSeconds(1); // the hub's default

    private final PrintStream out;
    private final int rows;
    private final int warmup;
    private final int rate;
    private final Duration latencyPhase;
    private final Duration settle;
    private final List<String> summary = new ArrayList<>();

    CdcBench(PrintStream out, int rows, int warmup, int rate, Duration latencyPhase, Duration settle) {
        this.out = out;
        this.rows = rows;
        this.warmup = warmup;
        this.rate = rate;
        this.latencyPhase = latencyPhase;
        this.settle = settle;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("cdc")) {
            err.println("usage: medhub bench cdc [--rows 50000] [--warmup 20000] [--rate 1000] [--seconds 20] [--settle 20]");
            return 2;
        }
        new CdcBench(out, option(args, "--rows", 50_000), option(args, "--warmup", 20_000), option(args, "--rate", 1_000),
                Duration.ofSeconds(option(args, "--seconds", 20)), Duration.ofSeconds(option(args, "--settle", 20))).run();
        return 0;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("medhub-bench-cdc-");
        out.printf("medhub bench cdc: %d rows drained after %d to warm up, then %d rows/s (a row per transaction) for %d s"
                + " measured after %d s at that rate; engines in %s%n", rows, warmup, rate, latencyPhase.toSeconds(),
                settle.toSeconds(), dir);
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() >> 20 : -1;
        out.printf("machine: %d cores, %d MiB memory, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
                memory, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        // the raw engine runs before the hub has set up logging: Debezium would report every offset flush
        LoggingSystem.get(CdcBench.class.getClassLoader()).setLogLevel("io.debezium", LogLevel.WARN);
        try (EmbeddedEngines engines = EmbeddedEngines.start(dir.resolve("data"), LogFactory.getLog(CdcBench.class))) {
            BenchErp erp = BenchErp.create(engines.arguments());
            double raw = raw(erp);
            erp.reset(ChangeFeed.slotName(RAW_SOURCE));
            double medhub = medhub(engines, erp, dir);
            summary.add(0, String.format("throughput raw=%.0f/s medhub=%.0f/s", raw, medhub));
            summary.add(1, String.format("ratio medhub/raw=%.2f", medhub / raw));
        }
        summary.forEach(out::println);
    }

    /**
     * The engine alone: its slot made on the empty table, warmed up on rows committed while it runs, closed; the timed
     * rows committed; started again on them, from its saved position. Then its own latency at the rate, for
     * comparison with the hub's.
     */
    private double raw(BenchErp erp) throws Exception {
        SourceDatabase database = new SourceDatabase(SourceDatabase.Kind.POSTGRESQL, "localhost", erp.port(),
                BenchErp.DATABASE, erp.user(), new Secret(erp.password()), ZoneId.of("UTC"));
        List<CapturedTable> tables = List.of(new CapturedTable(BenchErp.TABLE, List.of("matnr"), Set.of()));
        Arrivals arrivals = new Arrivals();
        Counting first = new Counting(arrivals);
        try (ChangeFeed feed = new ChangeFeed(RAW_SOURCE, database, tables, erp.rawOffsets(), OFFSET_FLUSH, first)) {
            feed.start();
            first.awaitStarted();
            erp.insert(WARMUP, 0, warmup);
            arrivals.await(WARMUP, warmup, STALL, first::problem);
        }
        long released = erp.awaitSlotReleased(ChangeFeed.slotName(RAW_SOURCE));
        erp.insert(TIMED, 0, rows);
        Counting again = new Counting(arrivals);
        try (ChangeFeed feed = new ChangeFeed(RAW_SOURCE, database, tables, erp.rawOffsets(), OFFSET_FLUSH, again)) {
            CpuMeter cpu = CpuMeter.start();
            long start = System.currentTimeMillis();
            feed.start();
            arrivals.await(TIMED, rows, STALL, again::problem);
            double throughput = arrivals.rate(TIMED);
            out.printf("raw (Debezium's engine, ChangeFeed, a listener that counts): %,10.0f changes/s%n", throughput);
            drained(arrivals, start, "the start", released);
            out.println("  " + cpu.perRecord(rows));
            latency(erp, arrivals, () -> again.problem(), "raw engine, commit->listener");
            return throughput;
        }
    }

    /**
     * The hub, reading the same table as {@code config/cdc/bench-erp.yml} says: warmed up on rows committed while
     * its feed runs, paused, the timed rows committed, resumed; until the last canonical record is written. Then its
     * latency at the rate, the summary's.
     */
    private double medhub(EmbeddedEngines engines, BenchErp erp, Path dir) throws Exception {
        Path config = writeSource(dir.resolve("config"), erp.port());
        List<String> arguments = new ArrayList<>(engines.arguments());
        arguments.addAll(List.of("--medhub.data-dir=" + dir.resolve("data"), "--medhub.config-dir=" + config,
                "--medhub.admin.password=bench-only", "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.org.medhub=WARN"));
        Arrivals arrivals = new Arrivals();
        try (ConfigurableApplicationContext hub = MedhubApplication.start(arguments.toArray(String[]::new));
                CanonicalTally tally = new CanonicalTally(engines.kafkaClientSettings(), CANONICAL, arrivals, Set.of(LATENCY))) {
            CdcFeeds feeds = hub.getBean(CdcFeeds.class);
            awaitRunning(feeds);
            Supplier<String> problem = () -> tally.problem() != null ? tally.problem() : failed(feeds);
            erp.insert(WARMUP, 0, warmup);
            arrivals.await(WARMUP, warmup, STALL, problem);

            feeds.pause(SOURCE);
            long released = erp.awaitSlotReleased(ChangeFeed.slotName(SOURCE));
            erp.insert(TIMED, 0, rows);
            CpuMeter cpu = CpuMeter.start();
            long start = System.currentTimeMillis();
            feeds.resume(SOURCE);
            arrivals.await(TIMED, rows, STALL, problem);
            double throughput = arrivals.rate(TIMED);
            out.printf("medhub (feed → raw topic → map → validate → admit → merge → canonical topic): %,10.0f changes/s%n",
                    throughput);
            drained(arrivals, start, "the resume", released);
            out.println("  " + cpu.perRecord(rows));

            String line = latency(erp, arrivals, problem, "commit->canonical");
            summary.add(line);
            feeds.status(SOURCE).map(CdcStatus::tables).orElse(List.of()).forEach(table -> out.printf(
                    "  %s: %s, changes %s, filtered %d, held %d%n", table.table(), table.state(), table.events(),
                    table.filtered(), table.held()));
            return throughput;
        }
    }

    /** @param released how long the slot stayed held after the feed was stopped, before the backlog was written */
    private void drained(Arrivals arrivals, long start, String from, long released) {
        out.printf("  %d changes drained: the first out %d ms after %s, the last %d ms after; the rate is that of the"
                + " middle 90 %% (the stopped feed's slot was released %d ms after its close returned)%n", rows,
                arrivals.first(TIMED) - start, from, arrivals.last(TIMED) - start, released);
        if (Double.isNaN(arrivals.rate(TIMED))) {
            out.println("  (no rate: the middle of the backlog came out as one batch; use --rows 20000 or more)");
        }
    }

    /**
     * Rows at the fixed rate, first for {@code settle} unmeasured (on two cores the JIT compiler is still busy after
     * the throughput phase), then for the measured phase; answers the summary line of its latencies.
     */
    private String latency(BenchErp erp, Arrivals arrivals, Supplier<String> problem, String what)
            throws Exception {
        BenchErp.Paced settled = erp.insertAtRate(SETTLE, rate, settle.toSeconds());
        arrivals.await(SETTLE, settled.rows(), STALL, problem);
        CpuMeter cpu = CpuMeter.start();
        BenchErp.Paced measured = erp.insertAtRate(LATENCY, rate, latencyPhase.toSeconds());
        arrivals.await(LATENCY, measured.rows(), STALL, problem);
        String processorTime = cpu.perRecord(measured.rows());
        List<Long> sorted = arrivals.latencies(LATENCY);
        String line = String.format("latency %s at %d/s: p50=%d ms p99=%d ms", what, rate, percentile(sorted, 50),
                percentile(sorted, 99));
        out.printf("%s p999=%d ms (over %d rows inserted at %.0f/s, max %d ms)%n", line, percentile(sorted, 99.9),
                sorted.size(), measured.rate(), sorted.get(sorted.size() - 1));
        out.println("  " + processorTime);
        return line;
    }

    private static void awaitRunning(CdcFeeds feeds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!feeds.status(SOURCE).map(s -> s.state().equals("RUNNING")).orElse(false)) {
            String failed = failed(feeds);
            if (failed != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("the change feed of " + SOURCE + " is not running: "
                        + feeds.status(SOURCE).map(Object::toString).orElse("no such source"));
            }
            Thread.sleep(50);
        }
    }

    private static String failed(CdcFeeds feeds) {
        return feeds.status(SOURCE).filter(s -> s.state().equals("FAILED")).map(s -> "the feed failed: " + s.problem())
                .orElse(null);
    }

    /** The source as an operator would declare it: the sample ERP's materials mapping, on the bench's table. */
    private static Path writeSource(Path config, int port) throws IOException {
        Files.createDirectories(config.resolve("partners"));
        Path cdc = Files.createDirectories(config.resolve("cdc"));
        Files.writeString(cdc.resolve(SOURCE + ".yml"), """
                id: %s
                name: medhub bench cdc
                kind: ERP
                database:
                  type: postgresql
                  host: localhost
                  port: %d
                  database: %s
                  username: postgres
                  password: file:secrets/postgresql.password
                  zone: Asia/Shanghai
                tables:
                  %s:
                    entity: Material
                    key: [matnr]
                    where: { werks: [CN01] }
                    onDelete: { lvorm: X }
                    fields:
                      materialNumber: matnr
                      name: maktx
                      materialType:
                        column: mtart
                        codes: { ROH: RAW_MATERIAL, HALB: SEMI_FINISHED, FERT: FINISHED_GOOD, VERP: PACKAGING }
                      baseUnit: { column: meins, codes: { ST: EA, EA: EA, KG: kg } }
                      batchManaged: xchpf
                      status: { column: lvorm, codes: { X: OBSOLETE }, otherwise: ACTIVE }
                """.formatted(SOURCE, port, BenchErp.DATABASE, BenchErp.TABLE));
        return config;
    }

    /** The raw engine's listener: each change arrives when it is handed on, with its latency from its commit. */
    private static final class Counting implements ChangeFeed.Listener {

        private final Arrivals arrivals;
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile String problem;

        Counting(Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void changes(List<RowChange> changes) {
            long now = System.currentTimeMillis();
            for (RowChange change : changes) {
                arrivals.arrived(String.valueOf(change.row().get("matnr")), now, change.committedAt().toEpochMilli());
            }
        }

        @Override
        public void started() {
            started.countDown();
        }

        @Override
        public void stopped(String why) {
            problem = why == null ? "the feed stopped" : "the feed failed: " + why;
            started.countDown();
        }

        String problem() {
            return problem;
        }

        void awaitStarted() throws InterruptedException {
            if (!started.await(2, TimeUnit.MINUTES) || problem != null) {
                throw new IllegalStateException("the raw change feed did not start: " + problem);
            }
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int option(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
    }
}
