package org.medhub.hub.genealogy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Traces and recall impact: where a lot or serial went, where it came from, and what a recall of it reaches. */
@RestController
class GenealogyController {

    private final Genealogy genealogy;

    GenealogyController(Genealogy genealogy) {
        this.genealogy = genealogy;
    }

    /**
     * @param from a business key, or a UDI in any written form
     * @param direction {@code forward} (where it went) or {@code backward} (where it came from)
     * @param depth how many links to follow at most; to the end when left out
     */
    @GetMapping("/api/trace")
    Genealogy.Trace trace(@RequestParam String from, @RequestParam(defaultValue = "forward") String direction,
            @RequestParam(required = false) Integer depth) {
        return found(genealogy.trace(checked(from), direction(direction), depth(depth)));
    }

    /** @param format {@code json} (the default) or {@code csv}, one row per item per shipment */
    @GetMapping(value = "/api/recall-impact", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> impact(@RequestParam String from, @RequestParam(defaultValue = "json") String format) {
        RecallImpact impact = RecallImpact.of(found(genealogy.trace(checked(from), Genealogy.Direction.FORWARD,
                Genealogy.TO_THE_END)));
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(impact);
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recall-impact.csv\"")
                    .body(impact.csv());
            default -> throw invalid("format must be json or csv, not '" + format + "'");
        };
    }

    private static Genealogy.Trace found(Genealogy.Trace trace) {
        if (trace.start().isEmpty()) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "the genealogy holds no link of '" + trace.key() + "' (read from '" + trace.from() + "')"));
        }
        return trace;
    }

    private static String checked(String from) {
        Problems.requireFitText("from", from, 300);
        if (from.isBlank()) {
            throw invalid("from: a business key or a UDI is required");
        }
        return from;
    }

    private static Genealogy.Direction direction(String direction) {
        try {
            return Genealogy.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("direction must be forward or backward, not '" + direction + "'");
        }
    }

    private static int depth(Integer depth) {
        if (depth != null && (depth < 1 || depth > Genealogy.TO_THE_END)) {
            throw invalid("depth must be 1 to " + Genealogy.TO_THE_END + ", or left out to trace to the end");
        }
        return depth == null ? Genealogy.TO_THE_END : depth;
    }

    private static RuntimeException invalid(String detail) {
        return Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail));
    }
}
