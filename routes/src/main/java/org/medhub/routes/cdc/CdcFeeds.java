package org.medhub.routes.cdc;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.kafka.KafkaWriter;

/**
 * The change feeds of the configured sources: started and stopped with their source's configuration (at start-up
 * and on every reload), paused and resumed by operators. A feed that cannot reach its database fails alone; the
 * rest of the hub runs on.
 */
public class CdcFeeds implements AutoCloseable {

    private final KafkaWriter kafka;
    private final DeadLetters deadLetters;
    private final TableStates states;
    private final DataSource storage;
    private final Clock clock;
    private final FeedMeters meters;
    private final Map<String, Running> feeds = new ConcurrentHashMap<>();

    /** A source's feed, and the configuration it was started with (to start it again after a pause). */
    private record Running(InboundChannel channel, SourceFeed feed) {}

    public CdcFeeds(KafkaWriter kafka, DeadLetters deadLetters, TableStates states, DataSource storage, Clock clock,
            FeedMeters meters) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.states = states;
        this.storage = storage;
        this.clock = clock;
        this.meters = meters;
    }

    /** Whether a feed of this source runs (or ran and stopped): its messages are changes of a database. */
    public boolean isSource(String source) {
        return feeds.containsKey(source);
    }

    /** Starts the feed of a source's channel (its {@link CdcSource}); a running one is stopped first. */
    public synchronized void start(InboundChannel channel) {
        stop(channel.partner());
        SourceFeed feed = new SourceFeed(channel.partner(), (CdcSource) channel.pickup(), kafka, deadLetters, states,
                storage, clock, meters);
        feeds.put(channel.partner(), new Running(channel, feed));
        feed.start();
    }

    /** Stops a source's feed (its position is saved); false when none ran. */
    public synchronized boolean stop(String source) {
        Running running = feeds.remove(source);
        if (running == null) {
            return false;
        }
        running.feed().close();
        return true;
    }

    /** Stops the feed that serves the channel of this route id; false when none does. */
    public synchronized boolean stopChannel(String routeId) {
        return feeds.values().stream().filter(r -> r.channel().routeId().equals(routeId)).findFirst()
                .map(r -> stop(r.channel().partner())).orElse(false);
    }

    /** Stops reading the source's database until {@link #resume}; false when there is no such source. */
    public synchronized boolean pause(String source) {
        Running running = feeds.get(source);
        if (running == null) {
            return false;
        }
        running.feed().paused();
        running.feed().close();
        return true;
    }

    /** Reads the source's database again from where it stopped; false when there is no such source. */
    public synchronized boolean resume(String source) {
        Running running = feeds.get(source);
        if (running == null) {
            return false;
        }
        if (!List.of("PAUSED", "FAILED", "STOPPED").contains(running.feed().status().state())) {
            return true;
        }
        start(running.channel());
        return true;
    }

    /** Lets a stopped table flow again; empty when there is no such source, false when it has no such table. */
    public Optional<Boolean> resumeTable(String source, String table) {
        Running running = feeds.get(source);
        return running == null ? Optional.empty() : Optional.of(running.feed().resume(table));
    }

    /** Reads a table's rows again; empty when there is no such source, false when it has no such table. */
    public Optional<Boolean> snapshot(String source, String table) {
        Running running = feeds.get(source);
        return running == null ? Optional.empty() : Optional.of(running.feed().snapshot(table));
    }

    public Collection<CdcStatus> status() {
        return feeds.values().stream().map(r -> r.feed().status())
                .sorted(java.util.Comparator.comparing(CdcStatus::source)).toList();
    }

    public Optional<CdcStatus> status(String source) {
        return Optional.ofNullable(feeds.get(source)).map(r -> r.feed().status());
    }

    @Override
    public synchronized void close() {
        List.copyOf(feeds.keySet()).forEach(this::stop);
    }
}
