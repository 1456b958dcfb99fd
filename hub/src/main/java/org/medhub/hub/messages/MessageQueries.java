package org.medhub.hub.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the ledger for people: where a message is, every stage it passed, and why it failed. */
@Repository
class MessageQueries {

    private static final List<String> STAGE_ORDER = List.of("RECEIVED", "MAPPED", "PUBLISHED", "OWNERSHIP", "DUPLICATE",
            "DELIVERED");

    private static final String SUMMARY = """
            select message_id, partner, message_type, entity, business_key, current_status, duplicates, current_error,
                   mapping_id, mapping_version, raw_topic, raw_partition, raw_offset,
                   canonical_topic, canonical_partition, canonical_offset, occurred_at, received_at, published_at,
                   updated_at, lineage::text as lineage, causation_id
            from message_view""";

    private final JdbcTemplate jdbc;

    MessageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Map<String, Object>> message(String messageId) {
        List<Map<String, Object>> found = jdbc.query(SUMMARY + " where message_id = ?", MessageQueries::summary, messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> message = found.get(0);
        List<Map<String, Object>> recorded = jdbc.query("""
                select stage, subscriber, status, attempts, last_error, topic, kafka_partition, kafka_offset,
                       http_status, null as next_attempt_at, first_at, last_at
                from message_stage where message_id = ?""", MessageQueries::stage, messageId);
        List<Map<String, Object>> stages = new ArrayList<>(passed(message, recorded));
        stages.addAll(recorded);
        stages.sort(Comparator.comparing((Map<String, Object> s) -> (Instant) s.get("firstAt"),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> STAGE_ORDER.indexOf((String) s.get("stage"))));
        // each subscriber's delivery is a stage of its own, PENDING until it is tried
        stages.addAll(jdbc.query("""
                select 'DELIVERED' as stage, subscriber, status, attempts, last_error, null as topic,
                       null as kafka_partition, null as kafka_offset, http_status, next_attempt_at, first_at, last_at
                from delivery where message_id = ?
                union all
                select 'DELIVERED', owed.subscriber, 'PENDING', 0, null, null, null, null, null, null,
                       p.published_at, p.published_at
                from publication p, unnest(p.subscribers) as owed(subscriber)
                where p.message_id = ? and not exists (
                    select 1 from delivery d where d.message_id = p.message_id and d.subscriber = owed.subscriber)
                order by subscriber""", MessageQueries::stage, messageId, messageId));
        message.put("stages", stages);
        return Optional.of(message);
    }

    /**
     * The stages the message row itself records (received, mapped, published), unless a failure or a
     * later event of the same stage is recorded for it in {@code message_stage}.
     */
    private static List<Map<String, Object>> passed(Map<String, Object> message, List<Map<String, Object>> recorded) {
        Set<Object> other = new HashSet<>();
        recorded.forEach(s -> other.add(s.get("stage")));
        List<Map<String, Object>> passed = new ArrayList<>();
        Instant received = (Instant) message.get("receivedAt");
        if (!other.contains("RECEIVED")) {
            passed.add(passedStage("RECEIVED", message.get("raw"), received));
        }
        if (!other.contains("MAPPED") && message.containsKey("entity")) {
            passed.add(passedStage("MAPPED", null, received));
        }
        if (!other.contains("PUBLISHED") && message.containsKey("canonical")) {
            passed.add(passedStage("PUBLISHED", message.get("canonical"), (Instant) message.get("publishedAt")));
        }
        return passed;
    }

    private static Map<String, Object> passedStage(String stage, Object kafka, Instant at) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("stage", stage);
        s.put("status", "OK");
        s.put("attempts", 1);
        putIfPresent(s, "kafka", kafka);
        s.put("firstAt", at);
        s.put("lastAt", at);
        return s;
    }

    List<Map<String, Object>> find(MessageFilter filter) {
        StringBuilder sql = new StringBuilder(SUMMARY).append(" where true");
        List<Object> args = new ArrayList<>();
        filter.businessKey().ifPresent(v -> { sql.append(" and business_key = ?"); args.add(v); });
        filter.status().ifPresent(v -> MessageStatusFilter.append(sql, args, v));
        filter.partner().ifPresent(v -> { sql.append(" and partner = ?"); args.add(v); });
        filter.entity().ifPresent(v -> { sql.append(" and entity = ?"); args.add(v); });
        sql.append(" order by received_at desc, message_id limit ?");
        args.add(filter.limit());
        return jdbc.query(sql.toString(), MessageQueries::summary, args.toArray());
    }

    private static Map<String, Object> summary(ResultSet rs, int row) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", rs.getString("message_id"));
        m.put("partner", rs.getString("partner"));
        putIfPresent(m, "messageType", rs.getString("message_type"));
        putIfPresent(m, "entity", rs.getString("entity"));
        putIfPresent(m, "businessKey", rs.getString("business_key"));
        m.put("status", rs.getString("current_status"));
        m.put("duplicates", rs.getInt("duplicates"));
        putIfPresent(m, "lastError", rs.getString("current_error"));
        if (rs.getString("mapping_id") != null) {
            m.put("mapping", Map.of("id", rs.getString("mapping_id"), "version", rs.getInt("mapping_version")));
        }
        putIfPresent(m, "raw", location(rs, "raw_topic", "raw_partition", "raw_offset"));
        putIfPresent(m, "canonical", location(rs, "canonical_topic", "canonical_partition", "canonical_offset"));
        putIfPresent(m, "occurredAt", instant(rs, "occurred_at"));
        putIfPresent(m, "causedBy", rs.getString("causation_id"));
        if (rs.getString("lineage") != null) {
            try {
                m.put("lineage", org.medhub.canonical.envelope.CanonicalJson.mapper().readTree(rs.getString("lineage")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the ledger holds unreadable lineage", e);
            }
        }
        m.put("receivedAt", instant(rs, "received_at"));
        putIfPresent(m, "publishedAt", instant(rs, "published_at"));
        m.put("updatedAt", instant(rs, "updated_at"));
        return m;
    }

    private static Map<String, Object> stage(ResultSet rs, int row) throws SQLException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("stage", rs.getString("stage"));
        putIfPresent(s, "subscriber", rs.getString("subscriber") == null || rs.getString("subscriber").isEmpty()
                ? null : rs.getString("subscriber"));
        s.put("status", rs.getString("status"));
        s.put("attempts", rs.getInt("attempts"));
        putIfPresent(s, "error", rs.getString("last_error"));
        putIfPresent(s, "kafka", location(rs, "topic", "kafka_partition", "kafka_offset"));
        putIfPresent(s, "httpStatus", (Integer) rs.getObject("http_status"));
        putIfPresent(s, "nextAttemptAt", instant(rs, "next_attempt_at"));
        s.put("firstAt", instant(rs, "first_at"));
        s.put("lastAt", instant(rs, "last_at"));
        return s;
    }

    private static Map<String, Object> location(ResultSet rs, String topic, String partition, String offset)
            throws SQLException {
        if (rs.getString(topic) == null) {
            return null;
        }
        return Map.of("topic", rs.getString(topic), "partition", rs.getInt(partition), "offset", rs.getLong(offset));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
