package org.medhub.hub.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.commons.logging.LogFactory;
import org.medhub.hub.embedded.EmbeddedEngines;
import org.medhub.hub.genealogy.Genealogy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code medhub bench trace}: a genealogy shaped like a device maker's, built in the embedded PostgreSQL with the hub's
 * own table and indexes: component lots each consumed into two batches, four per batch; each batch made into serials,
 * ten serials to a case, fifty cases to a shipment, each shipment to a customer and a country. Then forward traces from
 * random component lots (to the customers) and backward traces from random serials (to the components), each the
 * hub's own {@link Genealogy#trace}, timed.
 */
public final class TraceBench {

    private final PrintStream out;
    private final int batches;
    private final int serialsPerBatch;
    private final int traces;

    private TraceBench(PrintStream out, int batches, int serialsPerBatch, int traces) {
        this.out = out;
        this.batches = batches;
        this.serialsPerBatch = serialsPerBatch;
        this.traces = traces;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("trace")) {
            err.println("usage: medhub bench trace [--batches 50000] [--serials 100] [--traces 1000]   (about 2 x batches x serials edges)");
            return 2;
        }
        new TraceBench(out, option(args, "--batches", 50_000), option(args, "--serials", 100), option(args, "--traces", 1_000)).run();
        return 0;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("medhub-bench-trace-");
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() >> 20 : -1;
        out.printf("machine: %d cores, %d MiB memory; engines in %s%n", Runtime.getRuntime().availableProcessors(), memory, dir);
        try (EmbeddedEngines engines = EmbeddedEngines.start(dir.resolve("data"), LogFactory.getLog(TraceBench.class))) {
            Map<String, String> settings = engines.arguments().stream().map(a -> a.replaceFirst("^--", "").split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> b));
            // one connection held open, as the hub's pool holds them: a connection opened per statement would be measured
            SingleConnectionDataSource database = new SingleConnectionDataSource(settings.get("spring.datasource.url"),
                    settings.get("spring.datasource.username"), settings.get("spring.datasource.password"), true);
            JdbcTemplate jdbc = new JdbcTemplate(database);
            long edges = build(jdbc);
            Genealogy genealogy = new Genealogy(jdbc);
            Random random = new Random(42);
            measure(edges, "forward", traces, () -> genealogy.trace("COMP/L" + random.nextInt(batches * 2),
                    Genealogy.Direction.FORWARD, Genealogy.TO_THE_END));
            measure(edges, "backward", traces, () -> genealogy.trace("01/09506000134352/21/" + random.nextInt(batches)
                    + "-" + random.nextInt(serialsPerBatch), Genealogy.Direction.BACKWARD, Genealogy.TO_THE_END));
            database.destroy();
        }
    }

    /** The graph, in a handful of set-based statements, then the hub's indexes, then statistics. */
    private long build(JdbcTemplate jdbc) throws Exception {
        long start = System.nanoTime();
        jdbc.execute(schema());
        jdbc.execute("drop index genealogy_edge_from; drop index genealogy_edge_to;"
                + " alter table genealogy_edge drop constraint genealogy_edge_pkey");
        String common = "'bench', 'bench', 'bench-shape', 1, now()";
        // component lot c is consumed into batches c/2 and (c/2 + 1): four lots a batch, each lot in two batches
        jdbc.update("insert into genealogy_edge select 'MaterialLot', 'COMP/L' || c, 'Batch', 'B' || ((c / 2 + k) % ?),"
                + " 'CONSUMED_INTO', 2.5, 'kg', 'MaterialConsumption', c || '-' || k, " + common
                + " from generate_series(0, ? - 1) c, generate_series(0, 1) k", batches, batches * 2);
        jdbc.update("insert into genealogy_edge select 'Batch', 'B' || b, 'SerialUnit', '01/09506000134352/21/' || b || '-' || s,"
                + " 'MADE_INTO', null, null, 'SerialUnit', b || '-' || s, " + common
                + " from generate_series(0, ? - 1) b, generate_series(0, ? - 1) s", batches, serialsPerBatch);
        jdbc.update("insert into genealogy_edge select 'SerialUnit', '01/09506000134352/21/' || b || '-' || s, 'Sscc',"
                + " 'CASE-' || b || '-' || (s / 10), 'PACKED_IN', null, null, 'SerialUnit', b || '-' || s, " + common
                + " from generate_series(0, ? - 1) b, generate_series(0, ? - 1) s", batches, serialsPerBatch);
        int cases = batches * Math.max(1, serialsPerBatch / 10);
        jdbc.update("insert into genealogy_edge select 'Sscc', 'CASE-' || (n / ?) || '-' || (n % ?), 'Shipment', 'SHP-' || (n / 50),"
                + " 'SHIPPED_IN', null, null, 'Shipment', 'SHP-' || (n / 50), " + common + " from generate_series(0, ? - 1) n",
                Math.max(1, serialsPerBatch / 10), Math.max(1, serialsPerBatch / 10), cases);
        jdbc.update("insert into genealogy_edge select 'Shipment', 'SHP-' || n, 'Customer', 'CUST-' || (n % 2000), 'DELIVERED_TO',"
                + " null, null, 'Shipment', 'SHP-' || n, " + common + " from generate_series(0, ? - 1) n", cases / 50 + 1);
        long loaded = System.nanoTime();
        jdbc.execute(indexes());
        jdbc.execute("vacuum analyze genealogy_edge");
        long edges = jdbc.queryForObject("select count(*) from genealogy_edge", Long.class);
        out.printf("built %,d edges in %d s (%d s of it for the indexes)%n", edges, (System.nanoTime() - start) / 1_000_000_000,
                (System.nanoTime() - loaded) / 1_000_000_000);
        return edges;
    }

    private void measure(long edges, String direction, int count, java.util.function.Supplier<Genealogy.Trace> trace) {
        for (int i = 0; i < Math.min(200, count); i++) {
            trace.get(); // warm up the JIT and the database's cache
        }
        long[] micros = new long[count];
        long links = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            links += trace.get().links().size();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        long p50 = micros[count / 2];
        long p99 = micros[(int) (count * 0.99)];
        out.printf("trace over %d edges: p50=%d ms p99=%d ms%n", edges, Math.round(p50 / 1000.0), Math.round(p99 / 1000.0));
        out.printf("  (%s: %d traces, %d links each on average; p50=%d us p99=%d us)%n", direction, count, links / count, p50, p99);
    }

    /** The hub's own table, from its migration, so that the bench measures what the hub has. */
    private static String schema() throws Exception {
        try (InputStream in = TraceBench.class.getResourceAsStream("/db/migration/V35__genealogy.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String indexes() throws Exception {
        return "alter table genealogy_edge add primary key (made_by_entity, made_by_key, from_entity, from_key, to_entity,"
                + " to_key, relation); " + schema().lines().filter(l -> l.startsWith("create index"))
                        .collect(Collectors.joining("\n"));
    }

    private static int option(List<String> args, String name, int otherwise) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : otherwise;
    }
}
