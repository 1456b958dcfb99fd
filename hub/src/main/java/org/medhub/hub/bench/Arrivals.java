package org.medhub.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Rows of {@link BenchErp} as they arrive where {@code medhub bench cdc} watches (the raw engine's listener, the
 * canonical topic), by series (the prefix of their material number): how many, when the first and the last
 * arrived, and each one's latency from its commit. Written by one thread, read by any.
 */
final class Arrivals {

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** One row arrived at {@code atMillis}; its commit's time, or a negative number where it is not measured. */
    void arrived(String materialNumber, long atMillis, long committedMillis) {
        int dash = materialNumber.indexOf('-');
        Series of = series.computeIfAbsent(dash < 0 ? materialNumber : materialNumber.substring(0, dash), s -> new Series());
        if (committedMillis >= 0) {
            of.latencies.add(atMillis - committedMillis);
        }
        of.arrivals.add(atMillis);
        of.first = Math.min(of.first, atMillis);
        of.last = Math.max(of.last, atMillis);
        of.count.incrementAndGet();
    }

    int count(String prefix) {
        Series of = series.get(prefix);
        return of == null ? 0 : of.count.get();
    }

    /**
     * Rows per second in the middle of the series: its middle 90 % over the time between their first and last
     * arrival. The first rows out are a batch (the engine's, the pipeline's) that arrives at one moment, and the
     * last partial batch of a drained backlog waits for the engine's poll interval: both would say more about the
     * batch sizes than about the rate. NaN when the middle arrived at one moment (too few rows).
     */
    double rate(String prefix) {
        List<Long> times;
        synchronized (series.get(prefix).arrivals) {
            times = new ArrayList<>(series.get(prefix).arrivals);
        }
        Collections.sort(times);
        int from = times.size() / 20;
        int to = times.size() - 1 - times.size() / 20;
        long millis = times.get(to) - times.get(from);
        return millis <= 0 ? Double.NaN : (to - from) / (millis / 1000.0);
    }

    /** When the series' first row arrived, epoch milliseconds. */
    long first(String prefix) {
        return series.get(prefix).first;
    }

    /** When the series' last row arrived, epoch milliseconds. */
    long last(String prefix) {
        return series.get(prefix).last;
    }

    /** The latencies of the series in milliseconds, sorted. */
    List<Long> latencies(String prefix) {
        List<Long> sorted;
        synchronized (series.get(prefix).latencies) {
            sorted = new ArrayList<>(series.get(prefix).latencies);
        }
        Collections.sort(sorted);
        return sorted;
    }

    /**
     * Waits until {@code expected} rows of the series have arrived; gives up when none arrived for {@code stall}, or
     * as soon as {@code problem} names one (a failed feed).
     */
    void await(String prefix, int expected, Duration stall, Supplier<String> problem) throws InterruptedException {
        int seen = count(prefix);
        long lastProgress = System.nanoTime();
        while (count(prefix) < expected) {
            String why = problem.get();
            if (why != null) {
                throw new IllegalStateException("after " + count(prefix) + " of " + expected + " rows of series " + prefix
                        + ": " + why);
            }
            if (count(prefix) > seen) {
                seen = count(prefix);
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(count(prefix) + " of " + expected + " rows of series " + prefix
                        + " arrived, and none for " + stall.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }

    private static final class Series {
        final AtomicInteger count = new AtomicInteger();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        volatile long first = Long.MAX_VALUE;
        volatile long last = Long.MIN_VALUE;
    }
}
