package org.medhub.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for people and inspectors: who did what to which record, when and why, filtered; an export of it
 * (CSV or JSON); and a check of its hash chain.
 */
@RestController
class AuditController {

    static final int MAX_LIMIT = 1000;
    /** An export is a document for an inspector, not a stream: bounded like every answer. */
    static final int MAX_EXPORT = 100_000;

    private final JdbcTemplate jdbc;

    AuditController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the trail, with the hashes that chain it to the row before. */
    record AuditRow(long sequence, Instant recordedAt, String actor, String action, String subject, JsonNode detail,
            String previousHash, String hash) {}

    record AuditList(List<AuditRow> events, int count) {}

    @GetMapping("/api/audit")
    AuditList audit(@RequestParam Optional<String> actor, @RequestParam Optional<String> action,
            @RequestParam Optional<String> subject, @RequestParam Optional<Instant> from,
            @RequestParam Optional<Instant> until, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        List<AuditRow> rows = find(actor, action, subject, from, until, limit, "desc");
        return new AuditList(rows, rows.size());
    }

    /** @param format csv (for a spreadsheet; cells that a spreadsheet would run as formulas are quoted) or json */
    @GetMapping("/api/audit/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format, @RequestParam Optional<String> actor,
            @RequestParam Optional<String> action, @RequestParam Optional<String> subject,
            @RequestParam Optional<Instant> from, @RequestParam Optional<Instant> until) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "format must be csv or json"));
        }
        List<AuditRow> rows = find(actor, action, subject, from, until, MAX_EXPORT, "asc");
        byte[] body = format.equals("json") ? CanonicalJson.toBytes(rows) : AuditCsv.of(rows).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(format.equals("json") ? MediaType.APPLICATION_JSON : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"medhub-audit." + format + "\"")
                .body(body);
    }

    @GetMapping("/api/audit/verification")
    AuditChain.Verification verification() {
        return AuditChain.verify(jdbc);
    }

    private List<AuditRow> find(Optional<String> actor, Optional<String> action, Optional<String> subject,
            Optional<Instant> from, Optional<Instant> until, int limit, String order) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object> args = new ArrayList<>();
        actor.ifPresent(v -> { sql.append(" and actor = ?"); args.add(v); });
        action.ifPresent(v -> { sql.append(" and action = ?"); args.add(v); });
        subject.ifPresent(v -> { sql.append(" and subject = ?"); args.add(v); });
        from.ifPresent(v -> { sql.append(" and recorded_at >= ?::timestamptz"); args.add(v.toString()); });
        until.ifPresent(v -> { sql.append(" and recorded_at < ?::timestamptz"); args.add(v.toString()); });
        sql.append(" order by sequence ").append(order).append(" limit ").append(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new AuditRow(rs.getLong("sequence"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), json(rs.getString("detail")), rs.getString("previous_hash"), rs.getString("hash")),
                args.toArray());
    }

    private static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit row holds unreadable detail", e);
        }
    }
}
