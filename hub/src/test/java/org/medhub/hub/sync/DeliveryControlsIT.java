package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** A runaway retry can be stopped, a stuck message skipped, and each is in the audit trail. */
class DeliveryControlsIT extends HubIntegrationTest {

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void stopsARunawayRetryThenSkipsItSoThatItsKeyGoesOn() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        erp.stubFor(post("/wms/batches").atPriority(1).withRequestBody(containing("REC-RUNAWAY-1"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String stuck = messageId(postBatch(ACME, ACME_SECRET, update("REC-RUNAWAY-1", 1)));
        String behind = messageId(postBatch(ACME, ACME_SECRET, update("REC-RUNAWAY-2", 2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(wms(stuck).get("status").asText()).isEqualTo("RETRYING");
            assertThat(wms(behind).get("status").asText()).isEqualTo("HELD");
        });

        var stopped = control("stop", stuck, "the WMS is being migrated this weekend");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        int attemptsWhenStopped = wms(stuck).get("attempts").asInt();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(wms(stuck).get("attempts").asInt()).as("no more attempts").isEqualTo(attemptsWhenStopped));
        assertThat(wms(stuck).get("status").asText()).isEqualTo("STOPPED");
        assertThat(message(stuck).get("status").asText()).isEqualTo("FAILED");

        var unsigned = control("skip", stuck, "sent to the WMS by hand");
        assertThat(unsigned.statusCode()).as("a discard is signed").isEqualTo(400);
        assertThat(json(unsigned).get("type").asText()).endsWith("signature-required");
        var wrongPassword = signedSkip(stuck, "not-the-password");
        assertThat(wrongPassword.statusCode()).isEqualTo(403);
        assertThat(wms(stuck).get("status").asText()).as("nothing done").isEqualTo("STOPPED");
        assertThat(signedSkip(stuck, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(wms(behind).get("status").asText()).as("its key goes on").isEqualTo("DELIVERED"));
        assertThat(wms(stuck).get("status").asText()).isEqualTo("SKIPPED");

        assertThat(audit.about("message/" + stuck)).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText()
                + ": " + e.at("/detail/reason").asText()).containsExactly(
                "delivery.stop by admin: the WMS is being migrated this weekend",
                "delivery.skip by admin: sent to the WMS by hand");
        assertThat(audit.firstBrokenLink()).isEmpty();
    }

    @Test
    void refusesControlsWithoutAReasonOrInTheWrongState() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        String delivered = messageId(postBatch(ACME, ACME_SECRET, update("REC-DONE", 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(wms(delivered).get("status").asText()).isEqualTo("DELIVERED"));

        assertThat(control("stop", delivered, " ").statusCode()).isEqualTo(400);
        var wrongState = control("stop", delivered, "just because");
        assertThat(wrongState.statusCode()).isEqualTo(409);
        assertThat(json(wrongState).get("detail").asText()).contains("DELIVERED");
        assertThat(control("frobnicate", delivered, "x").statusCode()).isEqualTo(404);
    }

    @Test
    void letsViewersLookButNotChange() {
        if (!users.userExists("viewer")) {
            users.createUser(User.withUsername("viewer").password(passwords.encode("viewer-password")).roles("VIEWER").build());
        }
        var response = postBytes("/api/deliveries/wms/whatever/stop", "viewer", "viewer-password",
                "{\"reason\": \"x\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(get("/api/messages", "viewer", "viewer-password").statusCode()).isEqualTo(200);
    }

    @Test
    void showsATamperedAuditRowAndRefusesToChangeOne() {
        audit.record("admin", "test.entry", "test/tamper", java.util.Map.of("reason", "original"));
        long sequence = jdbc.queryForObject("select max(sequence) from audit_event", Long.class);

        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = '{}' where sequence = ?", sequence))
                .hasMessageContaining("append-only");

        String original = jdbc.queryForObject("select detail from audit_event where sequence = ?", String.class, sequence);
        jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
        try {
            jdbc.update("update audit_event set detail = ? where sequence = ?", "{\"reason\":\"forged\"}", sequence);
            assertThat(audit.firstBrokenLink()).contains(sequence);
            jdbc.update("update audit_event set detail = ? where sequence = ?", original, sequence);
        } finally {
            jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
        }
        assertThat(audit.firstBrokenLink()).isEmpty();
    }

    private java.net.http.HttpResponse<String> signedSkip(String messageId, String password) {
        return postBytes("/api/deliveries/wms/" + messageId + "/skip", "admin", ADMIN_PASSWORD, ("{\"reason\":"
                + " \"sent to the WMS by hand\", \"signature\": {\"password\": \"" + password + "\", \"meaning\":"
                + " \"RESPONSIBILITY\"}}").getBytes(StandardCharsets.UTF_8));
    }

    private java.net.http.HttpResponse<String> control(String action, String messageId, String reason) {
        return postBytes("/api/deliveries/wms/" + messageId + "/" + action, "admin", ADMIN_PASSWORD,
                ("{\"reason\": \"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode wms(String messageId) {
        for (JsonNode stage : message(messageId).get("stages")) {
            if ("wms".equals(stage.path("subscriber").asText())) {
                return stage;
            }
        }
        return JSON.createObjectNode().put("status", "NONE").put("attempts", 0);
    }

    private static String messageId(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("messageId").asText();
    }

    private static String update(String recordId, int n) {
        return """
                {"recordId": "%s", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "LOT-CONTROL-%s",
                 "state": "生产中", "qty": %d, "uom": "EA"}""".formatted(recordId, recordId.startsWith("REC-RUNAWAY") ? "R" : recordId, n);
    }
}
