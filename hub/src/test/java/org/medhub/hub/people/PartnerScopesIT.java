package org.medhub.hub.people;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator whose work is limited to one factory sees, replays and steers that factory's messages and no other's. */
class PartnerScopesIT extends HubIntegrationTest {

    private static final String PASSWORD = "Beta-Operator-pw1";

    @Autowired
    private AuditTrail audit;

    @Test
    void anOperatorOfBetaSeesAndSteersBetasMessagesOnly() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        var created = postBytes("/api/users", "admin", ADMIN_PASSWORD, """
                {"username": "beta.operator", "password": "%s", "roles": ["OPERATOR"], "reason": "Beta's site team"}"""
                .formatted(PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var scoped = putBytes("/api/users/beta.operator/partners", "admin", ADMIN_PASSWORD,
                "{\"partners\": [\"beta-factory\"], \"reason\": \"works for Beta only\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(scoped.statusCode()).as(scoped.body()).isEqualTo(200);
        assertThat(json(scoped).get("partners").toString()).isEqualTo("[\"beta-factory\"]");

        String acme = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-SCOPE-A", "LOT-SCOPE-A"))).get("messageId").asText();
        String beta = json(postBatch(BETA, BETA_SECRET, acmeBatch("REC-SCOPE-B", "LOT-SCOPE-B"))).get("messageId").asText();

        JsonNode listed = json(get("/api/messages?limit=500", "beta.operator", PASSWORD));
        assertThat(listed.findValuesAsText("partner")).isNotEmpty().containsOnly("beta-factory");
        assertThat(get("/api/messages/" + beta, "beta.operator", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/messages/" + acme, "beta.operator", PASSWORD).statusCode()).as("as if it did not exist")
                .isEqualTo(404);
        assertThat(get("/api/messages/" + acme, "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);

        var replayAcme = postBytes("/api/replays", "beta.operator", PASSWORD, ("{\"from\": \"raw\", \"partner\": \""
                + ACME + "\", \"dryRun\": true}").getBytes(StandardCharsets.UTF_8));
        assertThat(replayAcme.statusCode()).isEqualTo(403);
        assertThat(replayAcme.body()).contains("beta-factory");
        var replayBeta = postBytes("/api/replays", "beta.operator", PASSWORD, ("{\"from\": \"raw\", \"partner\": \""
                + BETA + "\", \"dryRun\": true}").getBytes(StandardCharsets.UTF_8));
        assertThat(replayBeta.statusCode()).as(replayBeta.body()).isEqualTo(200);
        var stopAcme = postBytes("/api/deliveries/erp/" + acme + "/stop", "beta.operator", PASSWORD,
                "{\"reason\": \"not mine\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(stopAcme.statusCode()).isEqualTo(404);

        assertThat(audit.about("user/beta.operator")).extracting(e -> e.get("action").asText()).contains("user.partners");
        var unknown = putBytes("/api/users/beta.operator/partners", "admin", ADMIN_PASSWORD,
                "{\"partners\": [\"gamma-nowhere\"], \"reason\": \"typo\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("gamma-nowhere");
    }
}
