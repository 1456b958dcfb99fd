package org.medhub.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/** A role given for a time: in force at once, taken away by itself when it runs out, both in the audit trail. */
class RoleGrantsIT extends HubIntegrationTest {

    private static final String PASSWORD = "Gr4nt-Viewer-pw";

    @Autowired
    private AuditTrail audit;

    @Test
    void aViewerGivenOperatorForAFewSecondsMayReplayThenNoLonger() {
        var created = postBytes("/api/users", "admin", ADMIN_PASSWORD, """
                {"username": "night.viewer", "password": "%s", "roles": ["VIEWER"], "reason": "night shift"}"""
                .formatted(PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(replay().statusCode()).as("a viewer may not replay").isEqualTo(403);

        Instant until = Instant.now().plusSeconds(4);
        var granted = grant("OPERATOR", until);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(json(granted).get("grants").get(0).get("role").asText()).isEqualTo("OPERATOR");
        assertThat(replay().statusCode()).as("let in while the grant runs (the empty request is refused as such)")
                .isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).until(() -> replay().statusCode() == 403);
        assertThat(json(get("/api/users/night.viewer", "admin", ADMIN_PASSWORD)).get("roles").toString())
                .isEqualTo("[\"VIEWER\"]");
        assertThat(audit.about("user/night.viewer")).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .contains("admin user.grant", GrantExpiry.ACTOR + " user.grant-lapsed");
    }

    @Test
    void aGrantNamesItsProblems() {
        var nobody = postBytes("/api/users/nobody-here/grants", "admin", ADMIN_PASSWORD, ("{\"role\": \"OPERATOR\", "
                + "\"until\": \"" + Instant.now().plusSeconds(60) + "\", \"reason\": \"x\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(nobody.statusCode()).isEqualTo(404);
        postBytes("/api/users", "admin", ADMIN_PASSWORD, """
                {"username": "night.viewer2", "password": "%s", "roles": ["VIEWER"], "reason": "night shift"}"""
                .formatted(PASSWORD).getBytes(StandardCharsets.UTF_8));

        var refused = postBytes("/api/users/night.viewer2/grants", "admin", ADMIN_PASSWORD, ("{\"role\": \"VIEWER\", "
                + "\"until\": \"" + Instant.now().plus(Duration.ofDays(90)) + "\", \"reason\": \"x\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("already").contains("30 days");
    }

    private java.net.http.HttpResponse<String> grant(String role, Instant until) {
        return postBytes("/api/users/night.viewer/grants", "admin", ADMIN_PASSWORD, ("{\"role\": \"" + role
                + "\", \"until\": \"" + until + "\", \"reason\": \"covers the night shift\"}").getBytes(StandardCharsets.UTF_8));
    }

    private java.net.http.HttpResponse<String> replay() {
        return postBytes("/api/replays", "night.viewer", PASSWORD, "{}".getBytes(StandardCharsets.UTF_8));
    }
}
