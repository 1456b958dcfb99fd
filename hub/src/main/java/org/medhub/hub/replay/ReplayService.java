package org.medhub.hub.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.topics.KafkaConnection;
import org.medhub.hub.topics.KafkaRecords;
import org.medhub.routes.inbound.MappedMessage;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.medhub.routes.sync.MergeResult;
import org.medhub.routes.sync.RecordMerge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Replays: the raw bytes of messages mapped again with the current mapping (each replay a new message
 * linked to its original, published only where it changes the record), or stored envelopes delivered
 * again to one subscriber (never twice to a subscriber that has it, unless forced). Paced, stoppable,
 * reporting progress message by message.
 */
@Service
class ReplayService implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final RecordMapping mapping;
    private final CanonicalPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final KafkaConnection kafka;
    private static final java.time.Duration PAUSED_POLL = java.time.Duration.ofMillis(250);

    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "medhub-replay");
        thread.setDaemon(true);
        return thread;
    });

    ReplayService(JdbcTemplate jdbc, RecordMapping mapping, CanonicalPublisher publisher, AuditTrail audit, Clock clock,
            KafkaConnection kafka) {
        this.jdbc = jdbc;
        this.mapping = mapping;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
        this.kafka = kafka;
    }

    /** The messages a request means, oldest first. */
    List<Map<String, Object>> select(ReplayRequest request) {
        StringBuilder sql = new StringBuilder("""
                select message_id, partner, message_type, entity, business_key, current_status as status, raw_topic,
                       raw_partition, raw_offset, canonical_topic, canonical_partition, canonical_offset
                from message_view where true""");
        List<Object> args = new ArrayList<>();
        if (request.messageIds() != null && !request.messageIds().isEmpty()) {
            sql.append(" and message_id = any(?::varchar[])");
            args.add(request.messageIds().toArray(String[]::new));
        }
        add(sql, args, "partner", request.partner());
        add(sql, args, "entity", request.entity());
        if (request.status() != null) {
            MessageStatusFilter.append(sql, args, request.status());
        }
        add(sql, args, "business_key", request.businessKey());
        if (request.receivedFrom() != null) {
            sql.append(" and received_at >= ?::timestamptz");
            args.add(request.receivedFrom().toString());
        }
        if (request.receivedUntil() != null) {
            sql.append(" and received_at < ?::timestamptz");
            args.add(request.receivedUntil().toString());
        }
        sql.append(" order by received_at, message_id limit ").append(ReplayRequest.MAX_MESSAGES);
        return jdbc.queryForList(sql.toString(), args.toArray());
    }

    /** What a replay would send and change, without sending or changing anything. */
    List<ReplayViews.Planned> dryRun(ReplayRequest request) {
        List<ReplayViews.Planned> plan = new ArrayList<>();
        try (KafkaRecords kafka = new KafkaRecords(this.kafka)) {
            for (Map<String, Object> message : select(request)) {
                plan.add("raw".equals(request.from()) ? rawPlan(kafka, message) : canonicalPlan(kafka, message, request));
            }
        }
        return plan;
    }

    long start(ReplayRequest request, String operator) {
        List<Map<String, Object>> messages = select(request);
        Long id = jdbc.queryForObject("""
                insert into replay (source, subscriber, force, rate, request, status, total, requested_by, created_at)
                values (?, ?, ?, ?, ?::jsonb, 'RUNNING', ?, ?, ?::timestamptz) returning id""", Long.class,
                request.from(), request.subscriber(), request.force(), request.ratePerSecond(),
                CanonicalJson.mapper().valueToTree(request).toString(), messages.size(), operator, clock.instant().toString());
        audit.record(operator, "replay.start", "replay/" + id, Map.of("from", request.from(),
                "messages", messages.size(), "subscriber", String.valueOf(request.subscriber()), "force", request.force()));
        runner.submit(() -> run(id, request, messages));
        return id;
    }

    boolean stop(long id, String operator) {
        int stopped = jdbc.update("""
                update replay set status = 'STOPPED', finished_at = ?::timestamptz where id = ? and status in ('RUNNING', 'PAUSED')""",
                clock.instant().toString(), id);
        if (stopped == 1) {
            audit.record(operator, "replay.stop", "replay/" + id, Map.of());
        }
        return stopped == 1;
    }

    /** Holds a running replay where it is (PAUSED), or lets a paused one go on: false when it is in neither state. */
    boolean pause(long id, boolean pause, String operator) {
        int changed = jdbc.update("update replay set status = ? where id = ? and status = ?",
                pause ? "PAUSED" : "RUNNING", id, pause ? "RUNNING" : "PAUSED");
        if (changed == 1) {
            audit.record(operator, pause ? "replay.pause" : "replay.resume", "replay/" + id, Map.of());
        }
        return changed == 1;
    }

    Optional<ReplayViews.Progress> progress(long id) {
        List<ReplayViews.Item> items = jdbc.query(
                "select message_id, outcome, detail, new_message_id from replay_item where replay_id = ? order by message_id",
                (rs, n) -> new ReplayViews.Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), id);
        return jdbc.query(PROGRESS + " where id = ?", (rs, n) -> progress(rs, items), id).stream().findFirst();
    }

    /** The newest replays, without their items; only those {@code requestedBy} asked for, when given. */
    List<ReplayViews.Progress> newest(int limit, Optional<String> requestedBy) {
        return jdbc.query(PROGRESS + " where (?::varchar is null or requested_by = ?) order by id desc limit ?",
                (rs, n) -> progress(rs, List.of()), requestedBy.orElse(null), requestedBy.orElse(null), limit);
    }

    private static final String PROGRESS = """
            select id, source, subscriber, force, rate, status, total, done, requested_by, created_at, finished_at
            from replay""";

    private static ReplayViews.Progress progress(java.sql.ResultSet rs, List<ReplayViews.Item> items) throws java.sql.SQLException {
        return new ReplayViews.Progress(rs.getLong("id"), rs.getString("source"), rs.getString("subscriber"),
                rs.getBoolean("force"), rs.getInt("rate"), rs.getString("status"), rs.getInt("total"), rs.getInt("done"),
                rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), items);
    }

    private void run(long id, ReplayRequest request, List<Map<String, Object>> messages) {
        long pause = 1000L / request.ratePerSecond();
        try (KafkaRecords kafka = new KafkaRecords(this.kafka)) {
            for (Map<String, Object> message : messages) {
                String status = jdbc.queryForObject("select status from replay where id = ?", String.class, id);
                while ("PAUSED".equals(status)) { // a person holds it: look again now and then
                    Thread.sleep(PAUSED_POLL.toMillis());
                    status = jdbc.queryForObject("select status from replay where id = ?", String.class, id);
                }
                if (!"RUNNING".equals(status)) {
                    return; // stopped
                }
                ReplayViews.Outcome outcome = "raw".equals(request.from())
                        ? replayRaw(kafka, message) : replayCanonical(kafka, message, request);
                jdbc.update("""
                        insert into replay_item (replay_id, message_id, outcome, detail, new_message_id) values (?, ?, ?, ?, ?)
                        on conflict do nothing""", id, message.get("message_id"), outcome.outcome(), outcome.detail(),
                        outcome.newMessageId());
                jdbc.update("update replay set done = done + 1 where id = ?", id);
                Thread.sleep(pause); // the rate limit: a replay must not crowd out live traffic
            }
            jdbc.update("""
                    update replay set status = 'DONE', finished_at = ?::timestamptz where id = ? and status in ('RUNNING', 'PAUSED')""",
                    clock.instant().toString(), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            jdbc.update("update replay set status = 'FAILED', finished_at = ?::timestamptz where id = ?",
                    clock.instant().toString(), id);
            throw e;
        }
    }

    private ReplayViews.Outcome replayRaw(KafkaRecords kafka, Map<String, Object> message) {
        Optional<ConsumerRecord<String, byte[]>> raw = rawOf(kafka, message);
        if (raw.isEmpty()) {
            return outcome("GONE", rawGone(message), null);
        }
        List<MappedMessage> mapped;
        try {
            mapped = mapping.map((String) message.get("partner"), (String) message.get("message_type"), raw.get().value());
        } catch (RecordRejectedException e) {
            return outcome("REFUSED", "the current mapping refuses it too: " + e.getMessage(), null);
        }
        KafkaLocation rawLocation = location(message, "raw");
        List<Admittance> replays = mapped.stream().map(m -> new Admittance(replayOf(m.envelope(),
                (String) message.get("message_id")), (String) message.get("message_type"), rawLocation, m.lineage())).toList();
        publisher.publish(replays);
        // a failed message that mapped this time is done with: its replay carries it on (a published one's status is
        // its deliveries', which a replay from raw does not change)
        jdbc.update("update message set status = 'REPLAYED', updated_at = ?::timestamptz where message_id = ? and status = 'FAILED'",
                clock.instant().toString(), message.get("message_id"));
        return outcome("REPLAYED", "mapped again as " + replays.size() + " message(s)",
                replays.get(0).envelope().messageId());
    }

    private ReplayViews.Planned rawPlan(KafkaRecords kafka, Map<String, Object> message) {
        Optional<ConsumerRecord<String, byte[]>> raw = rawOf(kafka, message);
        if (raw.isEmpty()) {
            return plan(message, "GONE", rawGone(message), null);
        }
        try {
            List<ReplayViews.WouldPublish> changes = new ArrayList<>();
            for (MappedMessage m : mapping.map((String) message.get("partner"), (String) message.get("message_type"),
                    raw.get().value())) {
                EntityDefinition entity = DataDictionary.standard().entity(m.envelope().entity()).orElseThrow();
                List<String> current = jdbc.queryForList("select record::text from record_state where entity = ? and business_key = ?",
                        String.class, entity.name(), m.envelope().businessKey());
                ObjectNode now = current.isEmpty() ? null : (ObjectNode) CanonicalJson.mapper().readTree(current.get(0));
                if (m.envelope().deleted()) { // every field goes
                    List<String> fields = new ArrayList<>();
                    if (now != null) {
                        now.fieldNames().forEachRemaining(fields::add);
                    }
                    changes.add(new ReplayViews.WouldPublish(m.envelope().businessKey(), fields, CanonicalJson.mapper().createObjectNode()));
                    continue;
                }
                MergeResult merge = RecordMerge.merge(entity, now, null, (ObjectNode) m.envelope().payload(),
                        org.medhub.canonical.dictionary.SystemOfRecord.HUB);
                changes.add(new ReplayViews.WouldPublish(m.envelope().businessKey(), merge.changed(), merge.merged()));
            }
            return plan(message, "WOULD_REPLAY", null, changes);
        } catch (RecordRejectedException e) {
            return plan(message, "WOULD_BE_REFUSED", e.getMessage(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ReplayViews.Outcome replayCanonical(KafkaRecords kafka, Map<String, Object> message, ReplayRequest request) {
        String verdict = canonicalVerdict(kafka, message, request);
        if (verdict != null) {
            return outcome(verdict.startsWith("GONE") ? "GONE" : "SKIPPED", verdict, null);
        }
        byte[] envelope = kafka.at(location(message, "canonical")).orElseThrow().value();
        String now = clock.instant().toString();
        // the retry queue delivers it, with its own Idempotency-Key, in order behind anything its key waits for
        jdbc.update("""
                insert into delivery (subscriber, message_id, business_key, canonical_topic, canonical_partition,
                                      canonical_offset, status, attempts, next_attempt_at, envelope, first_at, last_at)
                values (?, ?, ?, ?, ?, ?, 'RETRYING', 0, ?::timestamptz, ?, ?::timestamptz, ?::timestamptz)
                on conflict (subscriber, message_id) do update set status = 'RETRYING', attempts = 0,
                    next_attempt_at = excluded.next_attempt_at, envelope = excluded.envelope, last_at = excluded.last_at""",
                request.subscriber(), message.get("message_id"), message.get("business_key"), message.get("canonical_topic"),
                message.get("canonical_partition"), message.get("canonical_offset"), now, envelope, now, now);
        return outcome("QUEUED", "queued for " + request.subscriber(), null);
    }

    private ReplayViews.Planned canonicalPlan(KafkaRecords kafka, Map<String, Object> message, ReplayRequest request) {
        String verdict = canonicalVerdict(kafka, message, request);
        return verdict == null ? plan(message, "WOULD_DELIVER", "to " + request.subscriber(), null)
                : plan(message, verdict.startsWith("GONE") ? "GONE" : "WOULD_SKIP", verdict, null);
    }

    /** Why a canonical replay would not deliver the message, or null when it would. */
    private String canonicalVerdict(KafkaRecords kafka, Map<String, Object> message, ReplayRequest request) {
        if (message.get("canonical_topic") == null) {
            return "GONE: it was never published; replay it from raw";
        }
        // a delivery row, or else the subscriber's progress past the message
        List<String> status = jdbc.queryForList("""
                select coalesce((select status from delivery where subscriber = ? and message_id = ?),
                                case when delivery_passed(?, ?, ?, ?) then 'DELIVERED' end)""",
                String.class, request.subscriber(), message.get("message_id"), request.subscriber(),
                message.get("canonical_topic"), message.get("canonical_partition"), message.get("canonical_offset"));
        status.removeIf(java.util.Objects::isNull);
        if (!request.force() && !status.isEmpty() && ("DELIVERED".equals(status.get(0)) || "SKIPPED".equals(status.get(0)))) {
            return request.subscriber() + " already has it (" + status.get(0) + "); force to send it again";
        }
        Optional<ConsumerRecord<String, byte[]>> published = kafka.at(location(message, "canonical"));
        if (published.isEmpty()) {
            return "GONE: the canonical topic no longer keeps it (retention or compaction)";
        }
        if (published.get().value() == null) {
            return "it is a deletion (a tombstone): subscribers are not sent deletions";
        }
        return null;
    }

    private Optional<ConsumerRecord<String, byte[]>> rawOf(KafkaRecords kafka, Map<String, Object> message) {
        return message.get("raw_topic") == null ? Optional.empty() : kafka.at(location(message, "raw"));
    }

    private static String rawGone(Map<String, Object> message) {
        return message.get("raw_topic") == null ? "its raw bytes were never kept (refused before they were read)"
                : "its raw bytes are no longer kept (raw retention); it cannot be mapped again";
    }

    /** A replay is a message of its own, linked to the one it replays, with an id of what it now says. */
    private static Envelope replayOf(Envelope mapped, String original) {
        String id = MessageIds.fromContent(mapped.source(), mapped.entity(), original, CanonicalJson.toBytes(mapped.payload()));
        return new Envelope(id, mapped.entity(), mapped.schemaVersion(), mapped.businessKey(), mapped.source(),
                mapped.partner(), mapped.sourceVersion(), mapped.baseVersion(), null, mapped.correlationId(), original,
                mapped.occurredAt(), mapped.receivedAt(), mapped.mapping(), mapped.payload(), mapped.deleted());
    }

    private static KafkaLocation location(Map<String, Object> message, String prefix) {
        return new KafkaLocation((String) message.get(prefix + "_topic"), ((Number) message.get(prefix + "_partition")).intValue(),
                ((Number) message.get(prefix + "_offset")).longValue());
    }

    private static ReplayViews.Outcome outcome(String outcome, String detail, String newMessageId) {
        return new ReplayViews.Outcome(outcome, detail, newMessageId);
    }

    private static ReplayViews.Planned plan(Map<String, Object> message, String outcome, String detail,
            List<ReplayViews.WouldPublish> changes) {
        return new ReplayViews.Planned((String) message.get("message_id"), outcome, detail, changes);
    }

    private static void add(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
