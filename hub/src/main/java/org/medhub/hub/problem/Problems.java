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

    private Problems() {}

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

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
