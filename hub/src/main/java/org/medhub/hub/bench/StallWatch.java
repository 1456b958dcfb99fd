package org.medhub.hub.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the machine was doing, every 100 ms of a latency phase, so that the slow moments of a run can be told from the
 * rest: the garbage collector's pauses in this JVM, how busy the cores were, the tables PostgreSQL's autovacuum was
 * working on, what its checkpointer waited on, and what the hub's own sessions in it were doing. A percentile says
 * how slow the tail is; this says what the tail coincided with.
 */
final class StallWatch implements AutoCloseable {

    static final long SAMPLE_MILLIS = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneOffset.UTC);

    /**
     * One 100-ms slice; {@code busy} is the share of the machine's processor time that was not idle, {@code checkpointer}
     * what PostgreSQL's checkpointer waited on at its end (CheckpointerMain: idle between checkpoints;
     * CheckpointWriteDelay: pacing a checkpoint's writes; DataFileSync and the like: flushing files to disk),
     * {@code sessions} what each busy session of the hub waited on at its end ("running" when on a core or in its queue).
     */
    record Slice(long atMillis, long gcMillis, double busy, Set<String> vacuumed, String checkpointer,
            List<String> sessions) {}

    private final JdbcTemplate jdbc;
    private final List<Slice> slices = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    StallWatch(DataSource database) {
        this.jdbc = new JdbcTemplate(database);
        this.thread = new Thread(this::sample, "bench-stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        long gc = gcMillis();
        long[] machine = machine();
        while (!stopping) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long gcNow = gcMillis();
            long[] machineNow = machine();
            double all = Math.max(1, machineNow[1] - machine[1]);
            Set<String> vacuumed = new TreeSet<>(jdbc.queryForList("""
                    select coalesce(substring(query from 'autovacuum: ([A-Z ]+ [a-z_.]+)'), query) from pg_stat_activity
                     where backend_type = 'autovacuum worker' and state = 'active'""", String.class));
            String checkpointer = String.join(",", jdbc.queryForList("""
                    select coalesce(wait_event, 'running') from pg_stat_activity where backend_type = 'checkpointer'""",
                    String.class));
            List<String> sessions = jdbc.queryForList("""
                    select coalesce(wait_event_type || ':' || wait_event, 'running') from pg_stat_activity
                     where backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()""",
                    String.class);
            synchronized (slices) {
                slices.add(new Slice(System.currentTimeMillis(), gcNow - gc, (machineNow[0] - machine[0]) / all, vacuumed,
                        checkpointer, sessions));
            }
            gc = gcNow;
            machine = machineNow;
        }
    }

    /**
     * The slow moments of a phase: records sent in a 100-ms window that took over {@code slowMicros} to get where they
     * went, against the rest, with what the machine did meanwhile.
     *
     * @param passages per record, when it was sent (epoch milliseconds) and how long it took (microseconds)
     */
    String describe(List<long[]> passages, long slowMicros) {
        List<Slice> taken;
        synchronized (slices) {
            taken = List.copyOf(slices);
        }
        Map<Long, Long> slowestByWindow = new TreeMap<>();
        for (long[] passage : passages) {
            slowestByWindow.merge(passage[0] / SAMPLE_MILLIS, passage[1], Math::max);
        }
        List<Slice> duringStalls = new ArrayList<>();
        Set<Long> slowWindows = new TreeSet<>();
        for (var window : slowestByWindow.entrySet()) {
            if (window.getValue() <= slowMicros) {
                continue;
            }
            slowWindows.add(window.getKey());
            long from = window.getKey() * SAMPLE_MILLIS;
            long until = from + SAMPLE_MILLIS + window.getValue() / 1000;
            taken.stream().filter(s -> s.atMillis() > from && s.atMillis() <= until + SAMPLE_MILLIS)
                    .filter(s -> !duringStalls.contains(s)).forEach(duringStalls::add);
        }
        List<Slice> otherwise = taken.stream().filter(s -> !duringStalls.contains(s)).toList();
        List<Long> outside = passages.stream().filter(p -> !slowWindows.contains(p[0] / SAMPLE_MILLIS)).map(p -> p[1])
                .sorted().toList();
        return String.format("slow moments: %d of %d 100-ms windows sent a record that took over %d ms %s;%n"
                + "    outside them, %d records: p50=%.1f ms p99=%.1f ms;%n"
                + "    while those were under way: %s%n    the rest of the phase:        %s", slowWindows.size(),
                slowestByWindow.size(), slowMicros / 1000, slowWindows.stream().map(w -> CLOCK.format(
                        Instant.ofEpochMilli(w * SAMPLE_MILLIS))).toList(), outside.size(),
                PipelineBench.percentile(outside, 50) / 1000.0, PipelineBench.percentile(outside, 99) / 1000.0,
                summary(duringStalls), summary(otherwise));
    }

    private static String summary(List<Slice> slices) {
        if (slices.isEmpty()) {
            return "nothing sampled";
        }
        Set<String> tables = new TreeSet<>();
        slices.forEach(s -> tables.addAll(s.vacuumed()));
        long vacuuming = slices.stream().filter(s -> !s.vacuumed().isEmpty()).count();
        Map<String, Long> checkpointer = new TreeMap<>();
        slices.forEach(s -> checkpointer.merge(s.checkpointer(), 1L, Long::sum));
        Map<String, Long> sessions = new TreeMap<>();
        slices.forEach(s -> s.sessions().forEach(wait -> sessions.merge(wait, 1L, Long::sum)));
        return String.format("%.1f s; cores busy %.0f %%; GC pauses %.1f ms per second; autovacuum at work %.0f %% of the"
                + " time%s; checkpointer: %s; the hub's busy sessions per sample: %s", slices.size() * SAMPLE_MILLIS / 1000.0,
                100 * slices.stream().mapToDouble(Slice::busy).average().orElse(0),
                slices.stream().mapToLong(Slice::gcMillis).sum() * 1000.0 / (slices.size() * SAMPLE_MILLIS),
                100.0 * vacuuming / slices.size(), tables.isEmpty() ? "" : " " + tables, shares(checkpointer, slices.size()),
                sessions.isEmpty() ? "none" : shares(sessions, slices.size()));
    }

    /** Each count as a percentage of the samples: "running 40 %, LWLock:WALWrite 5 %". */
    private static String shares(Map<String, Long> counts, int samples) {
        StringBuilder text = new StringBuilder();
        counts.forEach((what, n) -> text.append(text.isEmpty() ? "" : ", ").append(what).append(' ')
                .append(Math.round(100.0 * n / samples)).append(" %"));
        return text.toString();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0).sum();
    }

    /** Busy and total ticks of the machine, from /proc/stat (zeros elsewhere than Linux). */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            long idle = 0;
            for (int i = 1; i <= 8; i++) {
                long ticks = Long.parseLong(fields[i]);
                all += ticks;
                idle += i == 4 || i == 5 ? ticks : 0;
            }
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(5_000);
    }
}
