package org.medhub.hub.pipeline;

import java.util.List;
import org.medhub.routes.pipeline.UntilDone;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline's own health, for operators. */
@RestController
class PipelineController {

    /** The batch steps failing right now: a partition that waits for the database or Kafka to come back, and why. */
    record Stalls(List<UntilDone.Stall> stalls) {}

    @GetMapping("/api/pipeline/stalls")
    Stalls stalls() {
        return new Stalls(UntilDone.stalls());
    }
}
