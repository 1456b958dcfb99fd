package org.medhub.hub.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem responses: a type for machines, a title and detail for people, and the violations. */
public final class Problems {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The longest reason an operator may give: it goes into the audit trail, the ledger and their Kafka mirror. */
    public static final int MAX_REASON = 1000;

    private Problems() {}

    /**
     * Refuses with a 400 problem a {@code value} of free text {@code field} longer than {@code max} characters or with
     * a control character other than tab and line breaks.
     */
    public static void requireFitText(String field, String value, int max) {
        org.medhub.canonical.validation.PrintableText.check(field, value, max).ifPresent(violation -> {
            throw fail(withViolations(problem(HttpStatus.BAD_REQUEST, "invalid-text", "Invalid text", violation.message()),
                    List.of(violation)));
        });
    }

    /**
     * Refuses with a 400 problem a person's action without a reason, or with one that does not fit: the reason goes
     * into the audit trail ({@code use}: what it becomes there, e.g. "it is part of the signed record").
     */
    public static void requireReason(String reason, String use) {
        if (reason == null || reason.isBlank()) {
            throw fail(problem(HttpStatus.BAD_REQUEST, "reason-required", "Reason required", "say why in \"reason\": " + use));
        }
        requireFitText("reason", reason, MAX_REASON);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:medhub:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withViolations(ProblemDetail problem, List<Violation> violations) {
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations.stream().map(v -> {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("field", v.field());
                row.put("rule", v.rule());
                if (v.value() != null) {
                    row.put("value", String.valueOf(v.value()));
                }
                row.put("message", v.message());
                return row;
            }).toList());
        }
        return problem;
    }

    /**
     * A problem that has nothing more to say than its status: for what the container or a framework refused before
     * any code of the hub could name the field.
     */
    public static ProblemDetail forStatus(HttpStatus status) {
        String detail = switch (status) {
            case BAD_REQUEST -> "the request breaks HTTP's rules or the hub's: no encoded slash, backslash, NUL or line"
                    + " break, no '..', ';' or '//' in a path, and the request line and headers within 8 KB";
            case NOT_FOUND -> "nothing answers at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take this method";
            case PAYLOAD_TOO_LARGE -> "the request is larger than the hub takes";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request line or headers are larger than 8 KB";
            case INTERNAL_SERVER_ERROR -> "the hub failed on this request; its log says why";
            default -> status.getReasonPhrase();
        };
        return problem(status, slug(status), status.getReasonPhrase(), detail);
    }

    /** The type of a problem that only has a status: its reason phrase, in lower case with hyphens. */
    static String slug(HttpStatus status) {
        return status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal-error"
                : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** The problem as JSON text, for code that writes a response without Spring's message converters. */
    public static String json(ProblemDetail problem) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem's fields are plain values", e);
        }
    }

    /** The problem as an exception a controller throws; {@code ApiExceptionHandler} answers it. */
    public static org.springframework.web.ErrorResponseException fail(ProblemDetail problem) {
        return new org.springframework.web.ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
