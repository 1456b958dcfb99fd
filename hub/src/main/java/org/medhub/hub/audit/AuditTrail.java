package org.medhub.hub.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.Topics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail: every change a person makes is a row whose hash covers its content
 * and the hash of the row before it. Rows are appended one at a time (a lock on the table's head keeps
 * the chain in one order across hub instances) and mirrored to {@code medhub.audit}.
 */
@Component
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final KafkaWriter kafka;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, KafkaWriter kafka, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Records what {@code actor} did; part of the caller's transaction, so an action and its record stand or fall together. */
    @Transactional
    public AuditEvent record(String actor, String action, String subject, Map<String, ?> detail) {
        // one writer at a time: the chain has one order
        jdbc.execute("lock table audit_event in share row exclusive mode");
        List<Map<String, Object>> head = jdbc.queryForList(
                "select sequence, hash from audit_event order by sequence desc limit 1");
        long sequence = head.isEmpty() ? 1 : ((Number) head.get(0).get("sequence")).longValue() + 1;
        String previous = head.isEmpty() ? AuditChain.GENESIS : (String) head.get(0).get("hash");
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL keeps it
        String detailJson = CanonicalJson.toText(detail);
        AuditEvent event = new AuditEvent(sequence, at, actor, action, subject, detailJson, previous,
                AuditChain.hash(sequence, at, actor, action, subject, detailJson, previous));
        jdbc.update("""
                insert into audit_event (sequence, recorded_at, actor, action, subject, detail, previous_hash, hash)
                values (?, ?::timestamptz, ?, ?, ?, ?, ?, ?)""",
                event.sequence(), at.toString(), actor, action, subject, detailJson, previous, event.hash());
        kafka.write(new ProducerRecord<>(Topics.AUDIT, actor, CanonicalJson.toBytes(event)));
        return event;
    }

    /** The first row whose hash does not follow from its content and its predecessor, or none when the chain is whole. */
    public java.util.Optional<Long> firstBrokenLink() {
        return java.util.Optional.ofNullable(AuditChain.verify(jdbc).firstBroken());
    }

    public List<ObjectNode> about(String subject) {
        return jdbc.query("select * from audit_event where subject = ? order by sequence", (rs, n) -> {
            ObjectNode row = CanonicalJson.mapper().createObjectNode();
            row.put("sequence", rs.getLong("sequence")).put("recordedAt", rs.getTimestamp("recorded_at").toInstant().toString())
                    .put("actor", rs.getString("actor")).put("action", rs.getString("action"))
                    .put("subject", rs.getString("subject")).put("hash", rs.getString("hash"));
            try {
                row.set("detail", CanonicalJson.mapper().readTree(rs.getString("detail")));
            } catch (java.io.IOException e) {
                row.put("detail", rs.getString("detail"));
            }
            return row;
        }, subject);
    }
}
