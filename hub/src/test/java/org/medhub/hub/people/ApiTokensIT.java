package org.medhub.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/** Tokens for scripts: made with the password, shown once, acting with the person's roles, ended by revocation or time. */
class ApiTokensIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private AuditTrail audit;

    @Test
    void aTokenActsAsItsPersonUntilRevokedAndCannotMakeAnother() throws Exception {
        var made = postBytes("/api/tokens", "admin", ADMIN_PASSWORD, ("{\"name\": \"nightly export\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofDays(30)) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = json(made).get("token").asText();
        long id = json(made).get("id").asLong();
        assertThat(token).startsWith("mht_");

        assertThat(bearer("GET", "/api/messages", token, null).statusCode()).isEqualTo(200);
        JsonNode listed = json(get("/api/tokens", "admin", ADMIN_PASSWORD));
        assertThat(listed.toString()).contains("nightly export").doesNotContain(token);
        var another = bearer("POST", "/api/tokens", token, "{\"name\": \"more\", \"expiresAt\": \""
                + Instant.now().plusSeconds(60) + "\"}");
        assertThat(another.statusCode()).as("a token makes no tokens").isEqualTo(403);

        assertThat(postBytes("/api/tokens/" + id + "/revoke", "admin", ADMIN_PASSWORD, new byte[0]).statusCode()).isEqualTo(200);
        var revoked = bearer("GET", "/api/messages", token, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked");
        assertThat(bearer("GET", "/api/messages", "mht_forged", null).statusCode()).isEqualTo(401);
        assertThat(audit.about("user/admin")).extracting(e -> e.get("action").asText()).contains("token.create", "token.revoke");
    }

    @Test
    void aTokenEndsWhenItExpires() throws Exception {
        var made = postBytes("/api/tokens", "admin", ADMIN_PASSWORD, ("{\"name\": \"short\", \"expiresAt\": \""
                + Instant.now().plusSeconds(3) + "\"}").getBytes(StandardCharsets.UTF_8));
        String token = json(made).get("token").asText();
        assertThat(bearer("GET", "/api/messages", token, null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> bearer("GET", "/api/messages", token, null).statusCode() == 401);
        var tooLong = postBytes("/api/tokens", "admin", ADMIN_PASSWORD, ("{\"name\": \"forever\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofDays(400)) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("365 days");
    }

    private HttpResponse<String> bearer(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
