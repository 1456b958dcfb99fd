package org.medhub.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

class PipelineStallsIT extends HubIntegrationTest {

    @Test
    void listsNoStallWhileTheDatabaseAndKafkaAnswerAndOnlyToOperators() {
        var response = get("/api/pipeline/stalls", "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("stalls").isArray()).isTrue();
        assertThat(json(response).get("stalls")).isEmpty();
        assertThat(get("/api/pipeline/stalls", ACME, ACME_SECRET).statusCode()).isEqualTo(401);
        assertThat(get("/api/pipeline/stalls", null, null).statusCode()).isEqualTo(401);
    }
}
