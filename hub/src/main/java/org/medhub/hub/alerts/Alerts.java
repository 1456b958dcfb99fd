package org.medhub.hub.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people must look at: a rule a record broke (a declaration rejected, a submission that failed), naming the
 * record and the fields to act on. Open until someone acknowledges it, with a reason, in the audit trail; raised
 * again while open, it is the same alert.
 */
@Component
public class Alerts {

    /**
     * @param fields the record's fields to act on
     * @param acknowledgedAt null while open
     */
    public record Alert(long id, String rule, String entity, String businessKey, String detail, List<String> fields,
            Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgement) {}

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public Alerts(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public void raise(String rule, String entity, String businessKey, String detail, List<String> fields) {
        jdbc.update("""
                insert into alert (rule, entity, business_key, detail, fields, raised_at)
                values (?, ?, ?, ?, ?::jsonb, ?::timestamptz)
                on conflict (rule, entity, business_key) where acknowledged_at is null
                do update set detail = excluded.detail, fields = excluded.fields""",
                rule, entity, businessKey, detail, CanonicalJson.toText(fields), clock.instant().toString());
    }

    /** Newest first; only the open ones, or all. */
    public List<Alert> list(boolean openOnly, String entity, String businessKey, int limit) {
        return jdbc.query("""
                select * from alert where (not ? or acknowledged_at is null) and (?::varchar is null or entity = ?)
                  and (?::varchar is null or business_key = ?)
                order by raised_at desc, id desc limit ?""", Alerts::row, openOnly, entity, entity, businessKey, businessKey,
                limit);
    }

    private static Alert row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String[] fields = CanonicalJson.fromBytes(rs.getString("fields").getBytes(StandardCharsets.UTF_8), String[].class);
        return new Alert(rs.getLong("id"), rs.getString("rule"), rs.getString("entity"), rs.getString("business_key"),
                rs.getString("detail"), List.of(fields), rs.getTimestamp("raised_at").toInstant(), rs.getString("acknowledged_by"),
                rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant(),
                rs.getString("acknowledgement"));
    }

    /**
     * @throws NoSuchElementException when there is no such alert
     * @throws IllegalStateException when it is acknowledged already
     */
    @Transactional
    public Alert acknowledge(long id, String person, String reason) {
        int acknowledged = jdbc.update("""
                update alert set acknowledged_by = ?, acknowledged_at = ?::timestamptz, acknowledgement = ?
                where id = ? and acknowledged_at is null""", person, clock.instant().toString(), reason, id);
        Alert alert = alert(id).orElseThrow(() -> new NoSuchElementException("no alert " + id));
        if (acknowledged == 0) {
            throw new IllegalStateException("alert " + id + " was acknowledged by " + alert.acknowledgedBy());
        }
        audit.record(person, "alert.acknowledge", "alert/" + id, Map.of("rule", alert.rule(), "entity", alert.entity(),
                "businessKey", alert.businessKey(), "reason", reason));
        return alert;
    }

    public Optional<Alert> alert(long id) {
        return jdbc.query("select * from alert where id = ?", Alerts::row, id).stream().findFirst();
    }
}
