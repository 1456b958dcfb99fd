package org.medhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/**
 * A browser's session: opened with the password, its cookie HttpOnly and SameSite=Strict; a change riding on it needs
 * the CSRF token, a read does not; closed, it opens nothing. Scripts' Basic requests need no token.
 */
class BrowserSessionsIT extends HubIntegrationTest {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aSessionReadsFreelyAndChangesOnlyWithItsCsrfTokenUntilItIsClosed() throws Exception {
        HttpResponse<String> opened = send(form("/api/session", "username=admin&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        JsonNode who = json(opened.body());
        assertThat(who.get("username").asText()).isEqualTo("admin");
        String csrf = who.get("csrfToken").asText();
        assertThat(csrf).isNotBlank();

        assertThat(send(HttpRequest.newBuilder(uri("/api/messages")).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = send(json("/api/replays", "{}", null));
        assertThat(forged.statusCode()).as("a change without the token, as a forged request would be").isEqualTo(403);
        assertThat(send(json("/api/replays", "{}", csrf)).statusCode()).as("let in; the empty replay refused as such")
                .isEqualTo(400);

        assertThat(send(json("/api/session/logout", "", csrf)).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri("/api/messages")).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOpensNoSessionAndScriptsNeedNoToken() throws Exception {
        HttpResponse<String> refused = send(form("/api/session", "username=no.such.person&password=wrong"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(postBytes("/api/replays", "admin", ADMIN_PASSWORD, "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder json(String path, String body, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return csrf == null ? request : request.header("X-XSRF-TOKEN", csrf);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }
}
