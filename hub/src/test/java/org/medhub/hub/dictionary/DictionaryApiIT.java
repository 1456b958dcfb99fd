package org.medhub.hub.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

class DictionaryApiIT extends HubIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void servesTheDictionaryToOperatorsAsJson() {
        var response = get("/api/dictionary", "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("entities").findValuesAsText("entity")).contains("Batch");
        assertThat(json(response).at("/entities/0/fields")).isNotEmpty();
    }

    @Test
    void servesItAsMarkdownWhenAskedFor() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/dictionary"))
                .header("Accept", "text/markdown")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("# The medhub data dictionary");
    }

    @Test
    void keepsItFromPartnersAndStrangers() {
        assertThat(get("/api/dictionary", ACME, ACME_SECRET).statusCode()).isEqualTo(401);
        assertThat(get("/api/dictionary", null, null).statusCode()).isEqualTo(401);
    }
}
