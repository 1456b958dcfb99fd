package org.medhub.routes.cdc;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.kafka.KafkaWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feeds of the configured sources: started and stopped with their source's configuration (at start-up
 * and on every reload), paused and resumed by operators. Of several hub instances, one reads each source (it holds
 * the source's {@link FeedLease}); the others stand by and take over when it goes. A paused source stays paused on
 * every instance. A feed that cannot reach its database fails alone (the rest of the hub runs on) and is started
 * again a minute later, or at once when an operator resumes it.
 */
public class CdcFeeds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CdcFeeds.class);
    /** A feed that failed (its database away, a wrong password) is started again this long after. */
    private static final Duration RETRY_FAILED = Duration.ofMinutes(1);

    private final KafkaWriter kafka;
    private final DeadLetters deadLetters;
    private final TableStates states;
    private final DataSource storage;
    private final Clock clock;
    private final FeedMeters meters;
    /** Every configured source, by name: whether or not this instance reads it. */
    private final Map<String, CdcSource> configured = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "medhub-cdc-leases");
        thread.setDaemon(true);
        return thread;
    });

    /** A source this instance reads: its feed and its lease. */
    private record Running(SourceFeed feed, FeedLease lease) {}

    /** @param claimInterval how often a standing-by instance asks whether it may take a source's feed over */
    public CdcFeeds(KafkaWriter kafka, DeadLetters deadLetters, TableStates states, DataSource storage, Clock clock,
            FeedMeters meters, Duration claimInterval) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.states = states;
        this.storage = storage;
        this.clock = clock;
        this.meters = meters;
        claims.scheduleWithFixedDelay(this::claimAll, claimInterval.toMillis(), claimInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether this source's messages are changes of a database. */
    public boolean isSource(String source) {
        return configured.containsKey(source);
    }

    /** Starts the feed of a source where this instance may; a running one first stops. */
    public synchronized void start(String source, CdcSource config) {
        stopFeed(source);
        configured.put(source, config);
        claim(source);
    }

    /** Stops the feed of a source taken out of the configuration; false when there was none. */
    public synchronized boolean stop(String source) {
        boolean known = configured.remove(source) != null;
        stopFeed(source);
        return known;
    }

    /** Stops reading the source's database, on every instance, until {@link #resume}; false when there is no such source. */
    public synchronized boolean pause(String source) {
        if (!configured.containsKey(source)) {
            return false;
        }
        states.setPaused(source, true);
        Running feed = running.get(source);
        if (feed != null) {
            feed.feed().paused();
        }
        stopFeed(source);
        return true;
    }

    /** Reads the source's database again from where it stopped; false when there is no such source. */
    public synchronized boolean resume(String source) {
        CdcSource config = configured.get(source);
        if (config == null) {
            return false;
        }
        states.setPaused(source, false);
        Running feed = running.get(source);
        if (feed == null || List.of("FAILED", "STOPPED").contains(feed.feed().status().state())) {
            start(source, config);
        }
        return true;
    }

    /** Lets a stopped table flow again; empty when this instance reads no such source, false when it has no such table. */
    public Optional<Boolean> resumeTable(String source, String table) {
        return Optional.ofNullable(running.get(source)).map(r -> r.feed().resume(table));
    }

    /** Reads a table's rows again; empty when this instance reads no such source, false when it has no such table. */
    public Optional<Boolean> snapshot(String source, String table) {
        return Optional.ofNullable(running.get(source)).map(r -> r.feed().snapshot(table));
    }

    public Collection<CdcStatus> status() {
        return configured.keySet().stream().map(this::status).flatMap(Optional::stream)
                .sorted(Comparator.comparing(CdcStatus::source)).toList();
    }

    /** A source this instance reads, as it stands; one it does not, as PAUSED or STANDBY (another instance reads it). */
    public Optional<CdcStatus> status(String source) {
        CdcSource config = configured.get(source);
        if (config == null) {
            return Optional.empty();
        }
        Running feed = running.get(source);
        if (feed != null) {
            return Optional.of(feed.feed().status());
        }
        String state = states.paused(source) ? "PAUSED" : "STANDBY";
        return Optional.of(new CdcStatus(source, config.database().describe(), state, null, null, null, null, List.of()));
    }

    private synchronized void claimAll() {
        try {
            for (Map.Entry<String, Running> feed : Map.copyOf(running).entrySet()) {
                java.time.Instant failedAt = feed.getValue().feed().failedAt();
                if (failedAt != null && failedAt.plus(RETRY_FAILED).isBefore(clock.instant())) {
                    log.info("Starting the failed change feed of {} again", feed.getKey());
                    start(feed.getKey(), configured.get(feed.getKey()));
                } else if (!feed.getValue().lease().held()) {
                    log.warn("The change feed of {} lost its lease (its database connection): stopping it here; another"
                            + " instance takes it over", feed.getKey());
                    stopFeed(feed.getKey());
                }
            }
            configured.keySet().stream().filter(source -> !running.containsKey(source)).forEach(this::claim);
        } catch (RuntimeException e) {
            log.warn("Claiming change feeds failed: {}", e.toString());
        }
    }

    private void claim(String source) {
        if (states.paused(source)) {
            return;
        }
        FeedLease.tryTake(storage, source).ifPresent(lease -> {
            try {
                SourceFeed feed = new SourceFeed(source, configured.get(source), kafka, deadLetters,
                        states, storage, clock, meters);
                running.put(source, new Running(feed, lease));
                feed.start();
            } catch (RuntimeException e) {
                running.remove(source);
                lease.close();
                throw e;
            }
        });
    }

    private void stopFeed(String source) {
        Running feed = running.remove(source);
        if (feed != null) {
            feed.feed().close();
            feed.lease().close();
        }
    }

    @Override
    public synchronized void close() {
        claims.shutdownNow();
        List.copyOf(running.keySet()).forEach(this::stopFeed);
    }
}
