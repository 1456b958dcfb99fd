package org.medhub.routes.cdc;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * One source's changes into the hub: each change becomes a raw record of the source's raw topic (message type: its
 * table), which the mapping pipeline maps, merges and publishes like any partner's. A batch of changes is done once
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
    private final Map<String, TableFlow> tables = new LinkedHashMap<>();
    private final ChangeFeed feed;
    private volatile String state = "STARTING";
    private volatile String problem;
    private volatile Instant lastEventAt;
    private volatile Instant lastCommittedAt;
    private volatile Long lagMillis;

    SourceFeed(String source, CdcSource config, KafkaWriter kafka, DeadLetters deadLetters, TableStates states,
            DataSource storage, Clock clock) {
        this.source = source;
        this.config = config;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.states = states;
        this.clock = clock;
        for (CdcTable table : config.tables()) {
            tables.put(table.name(), new TableFlow(table, states.load(source, table.name()).orElse(null)));
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

    void paused() {
        state = "PAUSED";
    }

    @Override
    public void started() {
        state = "RUNNING";
        problem = null;
        log.info("The change feed of {} is reading {}", source, config.database().describe());
    }

    @Override
    public void stopped(String why) {
        if (why != null) {
            state = "FAILED";
            problem = why;
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
            ObjectNode raw = raw(change, table);
            if (raw == null) {
                continue;
            }
            if (table.stopped() != null) {
                refused.put(records.size(), table.stopped());
                table.held.incrementAndGet();
            }
            records.add(record(change, table, raw, table.stopped() != null));
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
        RowChange last = changes.get(changes.size() - 1);
        lastCommittedAt = last.committedAt();
        lastEventAt = clock.instant();
        lagMillis = Duration.between(last.committedAt(), lastEventAt).toMillis();
    }

    /**
     * The raw record of a change, or null when the table leaves it out: a row its {@code where} does not take, or a
     * delete of a table without {@code onDelete}. An update carries its changed columns (and the identity columns)
     * where the database logs the row before it, so that the merge sees what the legacy system changed and nothing
     * else; a delete carries the identity columns and the table's {@code onDelete} values.
     */
    private ObjectNode raw(RowChange change, TableFlow flow) {
        CdcTable table = flow.table;
        if (!table.takes(change.row())) {
            flow.filtered.incrementAndGet();
            return null;
        }
        Map<String, Object> row = change.row();
        List<String> changed = null;
        if (change.operation() == RowChange.Operation.UPDATE && change.before() != null) {
            Map<String, Object> after = row;
            changed = after.keySet().stream().filter(c -> !java.util.Objects.equals(after.get(c), change.before().get(c))).toList();
            Map<String, Object> partial = new LinkedHashMap<>();
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (changed.contains(column.getKey()) || table.identityColumns().contains(column.getKey())) {
                    partial.put(column.getKey(), column.getValue());
                }
            }
            row = partial;
        } else if (change.operation() == RowChange.Operation.DELETE) {
            if (table.onDelete().isEmpty()) {
                flow.deletesLeftOut.incrementAndGet();
                return null;
            }
            Map<String, Object> deleted = new LinkedHashMap<>();
            for (String column : table.identityColumns()) {
                deleted.put(column, row.get(column));
            }
            deleted.putAll(table.onDelete());
            changed = List.copyOf(table.onDelete().keySet());
            row = deleted;
        }
        ObjectNode raw = CanonicalJson.mapper().createObjectNode();
        raw.put("id", change.changeId());
        raw.put("table", change.table());
        raw.put("operation", change.operation().name());
        raw.set("position", CanonicalJson.mapper().valueToTree(change.position()));
        raw.put("committedAt", change.committedAt().toString());
        raw.set("row", CanonicalJson.mapper().valueToTree(row));
        if (changed != null) {
            raw.set("changed", CanonicalJson.mapper().valueToTree(changed));
        }
        return raw;
    }

    /** Keyed by the row's key, so that every change of one row lands on one partition, in order. */
    private ProducerRecord<String, byte[]> record(RowChange change, TableFlow flow, ObjectNode raw, boolean held) {
        String key = change.table() + ":" + flow.table.keyColumns().stream().map(c -> String.valueOf(change.row().get(c)))
                .collect(Collectors.joining("/"));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.raw(source), key, CanonicalJson.toBytes(raw));
        record.headers().add(MedhubHeaders.PARTNER, source.getBytes(StandardCharsets.UTF_8));
        record.headers().add(MedhubHeaders.MESSAGE_TYPE, change.table().getBytes(StandardCharsets.UTF_8));
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
