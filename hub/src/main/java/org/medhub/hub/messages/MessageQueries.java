package org.medhub.hub.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.messages.MessageView.KafkaPlace;
import org.medhub.hub.messages.MessageView.StageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the ledger for people: where a message is, every stage it passed, and why it failed. */
@Repository
class MessageQueries {

    private static final List<String> STAGE_ORDER = List.of("RECEIVED", "MAPPED", "PUBLISHED", "OWNERSHIP", "DUPLICATE",
            "DELIVERED");

    private static final String SUMMARY = """
            select message_id, partner, message_type, entity, business_key, source_version, current_status, duplicates, current_error,
                   mapping_id, mapping_version, raw_topic, raw_partition, raw_offset,
                   canonical_topic, canonical_partition, canonical_offset, occurred_at, received_at, published_at,
                   updated_at, lineage::text as lineage, causation_id
            from message_view""";

    private final JdbcTemplate jdbc;

    MessageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageView> message(String messageId) {
        List<MessageView> found = jdbc.query(SUMMARY + " where message_id = ?", MessageQueries::summary, messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageView message = found.get(0);
        List<StageView> recorded = jdbc.query("""
                select stage, subscriber, status, attempts, last_error, topic, kafka_partition, kafka_offset,
                       http_status, null as next_attempt_at, first_at, last_at
                from message_stage where message_id = ?""", MessageQueries::stage, messageId);
        List<StageView> stages = new ArrayList<>(passed(message, recorded));
        stages.addAll(recorded);
        stages.sort(Comparator.comparing(StageView::firstAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> STAGE_ORDER.indexOf(s.stage())));
        // each subscriber's delivery is a stage of its own: its row, or else PENDING until the subscriber's
        // progress passes the message (a delivery that went through at once writes no row, so when it
        // went through is not kept per message)
        stages.addAll(jdbc.query("""
                select 'DELIVERED' as stage, subscriber, status, attempts, last_error, null as topic,
                       null as kafka_partition, null as kafka_offset, http_status, next_attempt_at, first_at, last_at
                from delivery where message_id = ?
                union all
                select 'DELIVERED', owed.subscriber, case when passed then 'DELIVERED' else 'PENDING' end,
                       case when passed then 1 else 0 end, null, null, null, null, null, null,
                       p.published_at, case when passed then null else p.published_at end
                from publication p cross join unnest(p.subscribers) as owed(subscriber)
                cross join lateral delivery_passed(owed.subscriber, p.canonical_topic, p.canonical_partition,
                                                   p.canonical_offset) as passed
                where p.message_id = ? and not exists (
                    select 1 from delivery d where d.message_id = p.message_id and d.subscriber = owed.subscriber)
                order by subscriber""", MessageQueries::stage, messageId, messageId));
        List<String> made = jdbc.queryForList("select message_id from message where causation_id = ? order by received_at",
                String.class, messageId);
        return Optional.of(message.withStages(stages, made));
    }

    /**
     * The stages the message row itself records (received, mapped, published), unless a failure or a
     * later event of the same stage is recorded for it in {@code message_stage}.
     */
    private static List<StageView> passed(MessageView message, List<StageView> recorded) {
        Set<String> other = new HashSet<>();
        recorded.forEach(s -> other.add(s.stage()));
        List<StageView> passed = new ArrayList<>();
        if (!other.contains("RECEIVED")) {
            passed.add(passedStage("RECEIVED", message.raw(), message.receivedAt()));
        }
        if (!other.contains("MAPPED") && message.entity() != null) {
            passed.add(passedStage("MAPPED", null, message.receivedAt()));
        }
        if (!other.contains("PUBLISHED") && message.canonical() != null) {
            passed.add(passedStage("PUBLISHED", message.canonical(), message.publishedAt()));
        }
        return passed;
    }

    private static StageView passedStage(String stage, KafkaPlace kafka, Instant at) {
        return new StageView(stage, null, "OK", 1, null, kafka, null, null, at, at);
    }

    /** A page of the messages that fit, newest first, without their lineage (a list is read at a glance). */
    List<MessageView> find(MessageFilter filter) {
        StringBuilder sql = new StringBuilder(SUMMARY.replace("lineage::text as lineage", "null as lineage")).append(" where true");
        List<Object> args = new ArrayList<>();
        filter.businessKey().ifPresent(v -> { sql.append(" and business_key = ?"); args.add(v); });
        if (!filter.keyParts().isEmpty()) {
            sql.append(" and string_to_array(business_key, '/') @> ?::text[]");
            args.add(filter.keyParts().toArray(String[]::new));
        }
        filter.status().ifPresent(v -> MessageStatusFilter.append(sql, args, v));
        filter.partner().ifPresent(v -> { sql.append(" and partner = ?"); args.add(v); });
        filter.entity().ifPresent(v -> { sql.append(" and entity = ?"); args.add(v); });
        filter.scope().ifPresent(partners -> { sql.append(" and partner = any(?)"); args.add(partners.toArray(String[]::new)); });
        filter.receivedFrom().ifPresent(v -> { sql.append(" and received_at >= ?"); args.add(java.sql.Timestamp.from(v)); });
        filter.receivedUntil().ifPresent(v -> { sql.append(" and received_at < ?"); args.add(java.sql.Timestamp.from(v)); });
        filter.before().ifPresent(c -> {
            sql.append(" and (received_at, message_id) < (?, ?)");
            args.add(java.sql.Timestamp.from(c.receivedAt()));
            args.add(c.messageId());
        });
        sql.append(" order by received_at desc, message_id desc limit ?");
        args.add(filter.limit());
        return jdbc.query(sql.toString(), MessageQueries::summary, args.toArray());
    }

    private static MessageView summary(ResultSet rs, int row) throws SQLException {
        JsonNode lineage = null;
        if (rs.getString("lineage") != null) {
            try {
                lineage = CanonicalJson.mapper().readTree(rs.getString("lineage"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the ledger holds unreadable lineage", e);
            }
        }
        return new MessageView(rs.getString("message_id"), rs.getString("partner"), rs.getString("message_type"),
                rs.getString("entity"), rs.getString("business_key"), rs.getString("source_version"),
                rs.getString("current_status"),
                rs.getInt("duplicates"), rs.getString("current_error"),
                rs.getString("mapping_id") == null ? null
                        : new MessageView.MappingVersion(rs.getString("mapping_id"), rs.getInt("mapping_version")),
                location(rs, "raw_topic", "raw_partition", "raw_offset"),
                location(rs, "canonical_topic", "canonical_partition", "canonical_offset"),
                instant(rs, "occurred_at"), rs.getString("causation_id"), lineage, instant(rs, "received_at"),
                instant(rs, "published_at"), instant(rs, "updated_at"), null, null);
    }

    private static StageView stage(ResultSet rs, int row) throws SQLException {
        String subscriber = rs.getString("subscriber");
        return new StageView(rs.getString("stage"), subscriber == null || subscriber.isEmpty() ? null : subscriber,
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                location(rs, "topic", "kafka_partition", "kafka_offset"), (Integer) rs.getObject("http_status"),
                instant(rs, "next_attempt_at"), instant(rs, "first_at"), instant(rs, "last_at"));
    }

    private static KafkaPlace location(ResultSet rs, String topic, String partition, String offset) throws SQLException {
        return rs.getString(topic) == null ? null
                : new KafkaPlace(rs.getString(topic), rs.getInt(partition), rs.getLong(offset));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
