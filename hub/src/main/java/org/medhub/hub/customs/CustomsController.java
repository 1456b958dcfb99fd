package org.medhub.hub.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.medhub.hub.problem.Problems;
import org.medhub.hub.records.CurrentRecords;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customs declarations: made from a shipment, checked, submitted, corrected; their versions and how they went. */
@RestController
class CustomsController {

    /**
     * @param profile the customs profile; may be left out when there is one
     * @param invoice the invoice's number; left out, the invoice of the shipment
     * @param fields canonical fields of the declaration given by a person, over the assembled ones
     */
    record DeclarationRequest(String profile, String shipment, String invoice, String certificateOfOrigin,
            ObjectNode fields) {}

    /** @param fields the corrected fields (objects merged, lists replaced, null removes) */
    record CorrectionRequest(ObjectNode fields, String reason) {}

    record ProfileView(String id, String name, String dialect, String partner, String submitTo, String assembleOn,
            List<String> preflightRules) {}

    record DeclarationRow(String clientSeqNo, String profile, String shipment, String status, Long version,
            String replaces, String correctedBy, String submittedAt, String lastError) {}

    record DeclarationList(List<DeclarationRow> declarations, int count) {}

    record VersionRow(long version, String status, String messageId, String source, String recordedAt) {}

    record DeclarationView(DeclarationRow declaration, JsonNode record, List<VersionRow> versions) {}

    private final CustomsDesk desk;
    private final CurrentRecords records;
    private final JdbcTemplate jdbc;

    CustomsController(CustomsDesk desk, CurrentRecords records, JdbcTemplate jdbc) {
        this.desk = desk;
        this.records = records;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/customs/profiles")
    List<ProfileView> profiles() {
        return desk.profiles().all().stream().map(p -> new ProfileView(p.id(), p.name(), p.dialect().name(), p.partner(),
                p.submitTo().toString(), p.assembleOn(), p.preflight().rules().stream().sorted().toList())).toList();
    }

    @GetMapping("/api/customs/declarations")
    DeclarationList declarations() {
        List<DeclarationRow> rows = jdbc.query(ROWS + " order by s.created_at desc limit 500", (rs, i) -> row(rs));
        return new DeclarationList(rows, rows.size());
    }

    @GetMapping("/api/customs/declarations/{clientSeqNo}")
    DeclarationView declaration(@PathVariable String clientSeqNo) {
        DeclarationRow row = jdbc.query(ROWS + " where s.client_seq_no = ?", (rs, i) -> row(rs), clientSeqNo).stream()
                .findFirst().orElseThrow(() -> notFound("no declaration " + clientSeqNo));
        List<VersionRow> versions = jdbc.query("""
                select version, record->>'status' as status, message_id, source, recorded_at from record_version
                where entity = ? and business_key = ? order by version""", (rs, i) -> new VersionRow(rs.getLong("version"),
                rs.getString("status"), rs.getString("message_id"), rs.getString("source"),
                rs.getTimestamp("recorded_at").toInstant().toString()), CustomsDesk.ENTITY, clientSeqNo);
        return new DeclarationView(row, records.of(CustomsDesk.ENTITY, clientSeqNo).orElse(null), versions);
    }

    @PostMapping("/api/customs/declarations")
    ResponseEntity<CustomsDesk.Declared> declare(@RequestBody DeclarationRequest request, Principal person) {
        Problems.requireFitText("shipment", request.shipment(), 300);
        if (request.shipment() == null || request.shipment().isBlank()) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "shipment: the number of the shipment to declare is required"));
        }
        CustomsDesk.Declared declared = answer(() -> desk.declare(request.profile(), request.shipment(), request.invoice(),
                request.certificateOfOrigin(), request.fields(), person.getName()));
        return ResponseEntity.created(URI.create("/api/customs/declarations/" + declared.clientSeqNo())).body(declared);
    }

    @PostMapping("/api/customs/declarations/{clientSeqNo}/submission")
    CustomsDesk.Declared submit(@PathVariable String clientSeqNo, Principal person) {
        return answer(() -> desk.submit(clientSeqNo, person.getName()));
    }

    @PostMapping("/api/customs/declarations/{clientSeqNo}/correction")
    ResponseEntity<CustomsDesk.Declared> correct(@PathVariable String clientSeqNo, @RequestBody CorrectionRequest request,
            Principal person) {
        Problems.requireReason(request.reason(), "it goes into the audit trail with the correction");
        CustomsDesk.Declared declared = answer(() -> desk.correct(clientSeqNo, request.fields(), person.getName()));
        return ResponseEntity.created(URI.create("/api/customs/declarations/" + declared.clientSeqNo())).body(declared);
    }

    /** The desk's refusals as problems: what is missing or wrong is the caller's to fix; a failed send may pass. */
    static <T> T answer(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw notFound(e.getMessage());
        } catch (CustomsDesk.Refused e) {
            HttpStatus status = switch (e.type()) {
                case "already-declared", "already-corrected", "declaration-state" -> HttpStatus.CONFLICT;
                case "profile" -> HttpStatus.NOT_FOUND;
                case "submission-failed" -> HttpStatus.BAD_GATEWAY;
                default -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            ProblemDetail problem = Problems.withViolations(Problems.problem(status, e.type(), "Declaration refused",
                    e.getMessage()), e.violations());
            if (!e.findings().isEmpty()) {
                problem.setProperty("findings", e.findings().stream().map(f -> Map.of("rule", f.rule(), "field", f.field(),
                        "value", f.value() == null ? "" : f.value(), "expected", f.expected())).toList());
            }
            throw Problems.fail(problem);
        }
    }

    private static RuntimeException notFound(String detail) {
        return Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    private static final String ROWS = """
            select s.client_seq_no, s.profile, s.shipment, r.record->>'status' as status, r.version, s.replaces,
                   (select c.client_seq_no from customs_submission c where c.replaces = s.client_seq_no) as corrected_by,
                   s.submitted_at, s.last_error
            from customs_submission s
            left join record_state r on r.entity = 'CustomsDeclaration' and r.business_key = s.client_seq_no""";

    private static DeclarationRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeclarationRow(rs.getString("client_seq_no"), rs.getString("profile"), rs.getString("shipment"),
                rs.getString("status"), (Long) rs.getObject("version"), rs.getString("replaces"),
                rs.getString("corrected_by"), rs.getTimestamp("submitted_at") == null ? null
                        : rs.getTimestamp("submitted_at").toInstant().toString(), rs.getString("last_error"));
    }
}
