package org.medhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Probes open, details closed: an orchestrator asks without a credential and learns UP or DOWN, nothing more. */
class ProbesIT extends HubIntegrationTest {

    @Test
    void answersHealthProbesWithoutCredentialsWithTheStatusAlone() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(probe, null, null);
            assertThat(response.statusCode()).as(probe + ": " + response.body()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).as(probe).isEqualTo("UP");
            assertThat(json(response).has("components")).as(probe + " shows no details to anyone").isFalse();
        }
        assertThat(json(get("/actuator/health", "admin", ADMIN_PASSWORD)).at("/components/db/status").asText())
                .as("an operator sees the details").isEqualTo("UP");
    }

    @Test
    void keepsMetricsToOperators() {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", ACME, ACME_SECRET).statusCode()).isEqualTo(401);
        var metrics = get("/actuator/prometheus", "admin", ADMIN_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        assertThat(get("/actuator/env", null, null).statusCode()).as("not even exposed; and closed").isEqualTo(401);
    }

    @Test
    void sendsSecurityHeadersOnEveryAnswerRefusalsIncluded() {
        for (var response : java.util.List.of(get("/actuator/health", null, null), get("/api/messages", null, null),
                get("/api/messages?limit=5", "admin", ADMIN_PASSWORD),
                postBatch(ACME, ACME_SECRET, "null"))) {
            var headers = response.headers();
            String which = response.request().uri() + " " + response.statusCode();
            assertThat(headers.firstValue("Content-Security-Policy")).as(which)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(which).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(which).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(which).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).as(which).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
    }
}
