package org.medhub.routes.cdc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.connectors.cdc.CapturedTable;
import org.medhub.connectors.cdc.ChangeFeed;
import org.medhub.connectors.cdc.RowChange;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.Intake;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.pipeline.UntilDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's changes into the hub: each change becomes a raw record of the source's raw topic (a
 * {@link ChangeDocument}; message type: its table), which the mapping pipeline maps, merges and publishes like any partner's. A batch of changes is done once
 * its raw records are acknowledged by Kafka; only then may the feed save its position. Changes of a table whose
 * mapped columns changed are written too, but marked refused and recorded as dead letters with the reason, to be
 * replayed once the mapping is fixed: the rest of the source flows on, and nothing is lost.
 */
public final class SourceFeed implements ChangeFeed.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceFeed.class);

    private final String source;
    private final CdcSource config;
    private final KafkaWriter kafka;
    private final DeadLetters deadLetters;
    private final TableStates states;
    private final Clock clock;
    private final FeedMeters meters;
    private final Map<String, TableFlow> tables = new LinkedHashMap<>();
    /** Tables added to a source that has read its database before: its initial snapshot did not read them. */
    private final List<String> added = new ArrayList<>();
    private final ChangeFeed feed;
    private volatile String state = "STARTING";
    private volatile String problem;
    private volatile Instant lastEventAt;
    private volatile Instant lastCommittedAt;
    private volatile Long lagMillis;
    private volatile Instant failedAt;

    SourceFeed(String source, CdcSource config, KafkaWriter kafka, DeadLetters deadLetters, TableStates states,
            DataSource storage, Clock clock, FeedMeters meters) {
        this.source = source;
        this.meters = meters;
        this.config = config;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.states = states;
        this.clock = clock;
        boolean readBefore = states.hasPosition(source);
        for (CdcTable table : config.tables()) {
            TableStates.Saved saved = states.load(source, table.name()).orElse(null);
            TableFlow flow = new TableFlow(table, saved);
            tables.put(table.name(), flow);
            if (saved == null) {
                states.save(source, table.name(), flow.saved());
                if (readBefore) {
                    added.add(table.name());
                }
            }
        }
        List<CapturedTable> captured = config.tables().stream().map(CdcTable::captured).toList();
        this.feed = new ChangeFeed(source, config.database(), captured, storage, config.offsetFlushInterval(), this);
    }

    void start() {
        log.info("Starting the change feed of {} ({}, tables {})", source, config.database().describe(), tables.keySet());
        feed.start();
    }

    @Override
    public void close() {
        feed.close();
    }

    /** When the feed failed, or null while it has not. */
    Instant failedAt() {
        return failedAt;
    }

    void paused() {
        state = "PAUSED";
    }

    @Override
    public void started() {
        state = "RUNNING";
        problem = null;
        log.info("The change feed of {} is reading {}", source, config.database().describe());
        if (!added.isEmpty()) {
            log.info("The change feed of {}: reading the rows of the tables added to it, {}", source, added);
            feed.snapshot(List.copyOf(added));
            added.clear();
        }
    }

    /** Reads a table's rows again, whole; false when the source has no such table. */
    boolean snapshot(String table) {
        if (!tables.containsKey(table)) {
            return false;
        }
        feed.snapshot(List.of(table));
        log.info("The change feed of {}: reading the rows of {} again", source, table);
        return true;
    }

    @Override
    public void stopped(String why) {
        if (why != null) {
            state = "FAILED";
            problem = why;
            failedAt = clock.instant();
        } else if (!"PAUSED".equals(state)) {
            state = "STOPPED";
        }
    }

    @Override
    public void changes(List<RowChange> changes) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(changes.size());
        Map<Integer, String> refused = new LinkedHashMap<>();
        for (RowChange change : changes) {
            TableFlow table = tables.get(change.table());
            if (table == null) {
                continue; // a table the database still publishes after it was taken out of the file
            }
            if (table.check(change)) {
                TableStates.Saved saved = table.saved();
                UntilDone.run("saving the columns of " + change.table(), () -> states.save(source, change.table(), saved));
                if (table.stopped() != null) {
                    log.warn("The change feed of {}: {}", source, table.stopped());
                }
            }
            table.counted(change);
            ChangeDocument document = ChangeDocument.of(change, table.table);
            switch (document.outcome()) {
                case FILTERED -> table.filtered.incrementAndGet();
                case LEFT_OUT -> table.leftOut.incrementAndGet();
                case TAKEN -> {
                    String refusal = table.stopped() != null ? table.stopped() : document.refusal();
                    if (refusal != null) {
                        refused.put(records.size(), refusal);
                        table.held.incrementAndGet();
                    }
                    records.add(record(change, table, document, refusal != null));
                }
            }
        }
        if (!records.isEmpty()) {
            List<KafkaLocation> locations = new ArrayList<>();
            UntilDone.run("writing " + records.size() + " changes of " + source, () -> {
                locations.clear();
                locations.addAll(kafka.writeAll(records));
            });
            List<DeadLetter> letters = new ArrayList<>();
            refused.forEach((index, reason) -> {
                ProducerRecord<String, byte[]> record = records.get(index);
                String messageType = header(record, MedhubHeaders.MESSAGE_TYPE);
                letters.add(DeadLetter.rejected(new Rejection(MessageIds.fromRaw(source, messageType, record.value()),
                        source, messageType, Stage.MAPPED, reason, locations.get(index)), record.value()));
            });
            UntilDone.run("recording " + letters.size() + " held changes of " + source, () -> deadLetters.rejected(letters));
        }
        changes.stream().collect(Collectors.groupingBy(c -> Map.entry(c.table(), c.operation()), Collectors.counting()))
                .forEach((counted, count) -> meters.changes(source, counted.getKey(),
                        counted.getValue().name().toLowerCase(java.util.Locale.ROOT), count));
        RowChange last = changes.get(changes.size() - 1);
        lastCommittedAt = last.committedAt();
        lastEventAt = clock.instant();
        lagMillis = Duration.between(last.committedAt(), lastEventAt).toMillis();
    }

    /** Keyed by the row's key, so that every change of one row lands on one partition, in order. */
    private ProducerRecord<String, byte[]> record(RowChange change, TableFlow flow, ChangeDocument document, boolean held) {
        String key = change.table() + ":" + flow.table.keyColumns().stream().map(c -> String.valueOf(change.row().get(c)))
                .collect(Collectors.joining("/"));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.raw(source), key,
                CanonicalJson.toBytes(document.body()));
        record.headers().add(MedhubHeaders.PARTNER, source.getBytes(StandardCharsets.UTF_8));
        record.headers().add(MedhubHeaders.MESSAGE_TYPE, document.messageType().getBytes(StandardCharsets.UTF_8));
        if (held) {
            record.headers().add(MedhubHeaders.INTAKE, Intake.REJECTED.name().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Lets a stopped table's changes flow again; false when the source has no such table. */
    boolean resume(String table) {
        TableFlow flow = tables.get(table);
        if (flow == null) {
            return false;
        }
        flow.resume();
        states.save(source, table, flow.saved());
        log.info("The change feed of {}: table {} flows again", source, table);
        return true;
    }

    CdcStatus status() {
        return new CdcStatus(source, config.database().describe(), state, problem, lastEventAt, lastCommittedAt, lagMillis,
                tables.values().stream().map(TableFlow::status).toList());
    }
}
