package org.medhub.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the machine's processor time goes during a measurement, from Linux's {@code /proc}: this JVM
 * (the hub, the broker, the load generator and the subscriber all run in it), PostgreSQL's processes,
 * and the machine as a whole. On two shared cores a topology's throughput is what its processor time
 * per record allows; these figures say how much each part takes. Elsewhere than Linux it measures
 * nothing and says so.
 */
final class CpuMeter {

    private static final Path PROC = Path.of("/proc");
    /** Linux counts processor time in clock ticks of 1/100 s on every common configuration. */
    private static final double TICK_SECONDS = 0.01;

    private final long jvm;
    private final long postgres;
    private final long[] machine;

    private CpuMeter(long jvm, long postgres, long[] machine) {
        this.jvm = jvm;
        this.postgres = postgres;
        this.machine = machine;
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    static CpuMeter start() {
        if (!available()) {
            return new CpuMeter(0, 0, new long[3]);
        }
        return new CpuMeter(ticks(PROC.resolve("self/stat")), postgresTicks(), machine());
    }

    /** What the processes took since {@link #start()}, per record, and how busy the machine was. */
    String perRecord(long records) {
        if (!available()) {
            return "processor time: not measured (no /proc)";
        }
        CpuMeter now = start();
        double all = Math.max(1, now.machine[2] - machine[2]);
        return String.format("processor time per record: this JVM %.0f µs, PostgreSQL %.0f µs;"
                + " the machine's cores busy %.0f %% of the time, taken by its host (steal) %.0f %%",
                micros(now.jvm - jvm) / records, micros(now.postgres - postgres) / records,
                100 * (now.machine[0] - machine[0]) / all, 100 * (now.machine[1] - machine[1]) / all);
    }

    private static double micros(long ticks) {
        return ticks * TICK_SECONDS * 1e6;
    }

    /** User and system time of one process: fields 14 and 15 of its stat line, after the command's parenthesis. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between listing and reading
        }
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuMeter::isPostgres).mapToLong(p -> ticks(p.resolve("stat"))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /**
     * The machine's busy, stolen and total ticks, from the first line of /proc/stat: user, nice, system,
     * idle, iowait, irq, softirq, steal (guest time is already counted in user).
     */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            long all = java.util.Arrays.stream(ticks).sum();
            return new long[] {all - ticks[3] - ticks[4] - ticks[7], ticks[7], all};
        } catch (IOException | RuntimeException e) {
            return new long[3];
        }
    }
}
