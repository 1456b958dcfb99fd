package org.medhub.routes.pipeline;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch step until it succeeds. A batch may not be skipped: when the database or Kafka is away,
 * its partition waits (with backoff) instead of moving on. Every step it runs is idempotent, so a
 * partial attempt is harmless.
 */
public final class UntilDone {

    private static final Logger log = LoggerFactory.getLogger(UntilDone.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private UntilDone() {}

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    public static void run(String what, Runnable step) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                log.warn("{} failed, trying again in {} ms: {}", what, wait.toMillis(), rootCause(e));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + " interrupted while the hub stops; the batch will be read again", e);
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }
}
