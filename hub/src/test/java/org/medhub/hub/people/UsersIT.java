package org.medhub.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Operators as administrators manage them, and the lock that repeated failed sign-ins put on an account (three in
 * the tests' configuration, for three seconds), each step in the audit trail.
 */
class UsersIT extends HubIntegrationTest {

    private static final String GOOD_PASSWORD = "Kh7-rQ2!wz9pLm";

    @Autowired
    private AuditTrail audit;

    @Test
    void createsAnOperatorWhoSignsInWithTheRolesGivenAndNoMore() {
        var created = users("""
                {"username": "li.na", "password": "%s", "roles": ["VIEWER"], "reason": "new QA viewer"}""".formatted(GOOD_PASSWORD));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(get("/api/messages", "li.na", GOOD_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(postBytes("/api/replays", "li.na", GOOD_PASSWORD, "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("a viewer changes nothing").isEqualTo(403);
        assertThat(get("/api/users", "li.na", GOOD_PASSWORD).statusCode()).as("nor manages people").isEqualTo(403);
        assertThat(audit.about("user/li.na")).extracting(e -> e.get("action").asText()).contains("user.create");

        var roles = put("/api/users/li.na/roles", "{\"roles\": [\"OPERATOR\"], \"reason\": \"covers the night shift\"}");
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        assertThat(json(roles).get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(audit.about("user/li.na")).anySatisfy(e -> assertThat(e.get("detail").toString())
                .contains("\"from\":[\"VIEWER\"]").contains("\"to\":[\"OPERATOR\"]"));

        var disabled = postBytes("/api/users/li.na/disable", "admin", ADMIN_PASSWORD,
                "{\"reason\": \"left the company\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(get("/api/messages", "li.na", GOOD_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAPasswordOrRoleThatBreaksTheRulesNamingEach() {
        var refused = users("""
                {"username": "wang.fang", "password": "wang.fang-1", "roles": ["ROOT"], "reason": "test"}""");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode violations = json(refused).get("violations");
        assertThat(violations.findValuesAsText("rule")).contains("min-length", "enum");
        var noReason = users("{\"username\": \"zhao.lei\", \"password\": \"" + GOOD_PASSWORD + "\", \"roles\": [\"VIEWER\"]}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(users("{\"username\": \"x\", \"password\": \"" + GOOD_PASSWORD + "\", \"roles\": [\"VIEWER\"],"
                + " \"reason\": \"r\"}")).get("violations").findValuesAsText("field")).contains("username");
    }

    @Test
    void locksAnAccountAfterRepeatedFailedSignInsUntilTheLockLapses() {
        assertThat(users("""
                {"username": "chen.jie", "password": "%s", "roles": ["VIEWER"], "reason": "lockout test"}""".formatted(GOOD_PASSWORD))
                .statusCode()).isEqualTo(201);

        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/messages", "chen.jie", "guessed-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/messages", "chen.jie", GOOD_PASSWORD);

        assertThat(locked.statusCode()).as("locked, even with the right password").isEqualTo(401);
        assertThat(json(locked).get("detail").asText()).contains("locked");
        assertThat(json(get("/api/users/chen.jie", "admin", ADMIN_PASSWORD)).has("lockedUntil")).isTrue();
        assertThat(audit.about("user/chen.jie")).extracting(e -> e.get("action").asText()).contains("user.locked");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get("/api/messages", "chen.jie", GOOD_PASSWORD).statusCode()).isEqualTo(200));
        assertThat(audit.about("user/chen.jie")).extracting(e -> e.get("action").asText()).contains("user.lock-lapsed");
    }

    private HttpResponse<String> users(String body) {
        return postBytes("/api/users", "admin", ADMIN_PASSWORD, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> put(String path, String body) {
        return putBytes(path, "admin", ADMIN_PASSWORD, body.getBytes(StandardCharsets.UTF_8));
    }
}
