package org.medhub.routes.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch step until it succeeds. A batch may not be skipped: when the database or Kafka is away,
 * its partition waits (with backoff) instead of moving on. Every step it runs is idempotent, so a
 * partial attempt is harmless. While a step keeps failing it is listed in {@link #stalls()}, so that
 * operators see a stuck partition, not only the log.
 */
public final class UntilDone {

    private static final Logger log = LoggerFactory.getLogger(UntilDone.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** By thread: a consumer thread runs one step at a time, and its name says which topic it reads. */
    private static final Map<String, Stall> STALLS = new ConcurrentHashMap<>();

    /**
     * A step that has failed and will be tried again.
     *
     * @param step what the step does, e.g. "publishing a batch of 500 raw records"
     * @param thread the consumer thread that waits on it
     * @param since when it first failed
     * @param attempts how often it has failed
     * @param lastError why it failed the last time
     */
    public record Stall(String step, String thread, Instant since, int attempts, String lastError) {}

    private UntilDone() {}

    /** The steps failing right now, the longest-stalled first. */
    public static List<Stall> stalls() {
        return STALLS.values().stream().sorted(Comparator.comparing(Stall::since)).toList();
    }

    public static void run(String what, Runnable step) {
        String thread = Thread.currentThread().getName();
        Duration wait = FIRST_WAIT;
        try {
            while (true) {
                try {
                    step.run();
                    return;
                } catch (RuntimeException e) {
                    String cause = rootCause(e);
                    STALLS.merge(thread, new Stall(what, thread, Clock.systemUTC().instant(), 1, cause),
                            (earlier, now) -> new Stall(what, thread, earlier.since(), earlier.attempts() + 1, cause));
                    log.warn("{} failed, trying again in {} ms: {}", what, wait.toMillis(), cause);
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(what + " interrupted while the hub stops; the batch will be read again", e);
                    }
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                }
            }
        } finally {
            STALLS.remove(thread);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }
}
