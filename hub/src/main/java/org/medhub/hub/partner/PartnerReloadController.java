package org.medhub.hub.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/partners/reload}: operators with role ADMIN put edited partner files in force without a restart. */
@RestController
class PartnerReloadController {

    private final PartnerReload reload;

    PartnerReloadController(PartnerReload reload) {
        this.reload = reload;
    }

    @PostMapping("/api/partners/reload")
    ResponseEntity<?> reload() {
        try {
            PartnerReload.Result result = reload.reload();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("added", result.changes().added());
            answer.put("removed", result.changes().removed());
            answer.put("changed", result.changes().changed());
            answer.put("unchanged", result.changes().unchanged());
            answer.put("failures", result.failures());
            return ResponseEntity.ok(answer);
        } catch (PartnerConfigException e) {
            ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-partner-configuration",
                    "Invalid partner configuration", e.problems().size()
                            + " problem(s) in the partner files; the configuration in force is unchanged");
            problem.setProperty("problems", problems(e.problems()));
            return Problems.respond(problem);
        }
    }

    private static List<Map<String, String>> problems(List<ConfigProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("file", p.file());
            row.put("key", p.key());
            row.put("rule", p.rule());
            row.put("message", p.message());
            return row;
        }).toList();
    }
}
