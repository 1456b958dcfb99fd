package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.MedhubApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub started as {@code ./medhub run} starts it: embedded Kafka and PostgreSQL, the sample
 * partners of the repository's {@code config/}, the simulated ERP. Then stopped and started again on
 * the same data directory.
 */
class EmbeddedRestartIT {

    /** The repository root, seen from the module directory the tests run in. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void deliversTheReadmeExampleAndFindsItAgainAfterARestart() throws Exception {
        String[] args = {
            "--spring.config.additional-location=optional:file:" + REPOSITORY.resolve("config") + "/",
            "--medhub.config-dir=" + REPOSITORY.resolve("config"),
            "--medhub.data-dir=" + dataDir,
            "--server.port=0"
        };
        byte[] example = Files.readAllBytes(REPOSITORY.resolve("docs/examples/batch-record.json"));
        String messageId;
        String adminPassword;
        try (ConfigurableApplicationContext hub = MedhubApplication.start(args)) {
            int port = port(hub);
            String partnerSecret = read(dataDir.resolve("secrets/acme-factory.secret"));
            adminPassword = read(dataDir.resolve("secrets/admin.password"));

            HttpResponse<String> accepted = post(port, "acme-factory", partnerSecret, example);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            messageId = JSON.readTree(accepted.body()).get("messageId").asText();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(message(port, adminPassword, messageId).get("status").asText()).isEqualTo("DELIVERED"));
        }

        try (ConfigurableApplicationContext hub = MedhubApplication.start(args)) {
            int port = port(hub);
            JsonNode found = message(port, adminPassword, messageId);
            assertThat(found.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(found.get("stages").findValuesAsText("stage"))
                    .containsSubsequence("RECEIVED", "MAPPED", "PUBLISHED", "DELIVERED");

            HttpResponse<String> again = post(port, "acme-factory", read(dataDir.resolve("secrets/acme-factory.secret")), example);
            assertThat(again.statusCode()).as("the same record after a restart is still a duplicate").isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("messageId").asText()).isEqualTo(messageId);

            // the sample's file drop folder was made under the data directory; a file dropped there is taken
            Path inbox = dataDir.resolve("inbox/acme-factory");
            assertThat(inbox).isDirectory();
            Files.write(inbox.resolve("batch-record.json"), example);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".done/batch-record.json")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(message(port, adminPassword, messageId).get("duplicates").asInt()).isEqualTo(2));
        }
    }

    private JsonNode message(int port, String adminPassword, String messageId) throws Exception {
        HttpResponse<String> response = http.send(request(port, "/api/messages/" + messageId, "admin", adminPassword).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(int port, String partner, String secret, byte[] body) throws Exception {
        return http.send(request(port, "/api/inbound/" + partner + "/batch-record", partner, secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static int port(ConfigurableApplicationContext hub) {
        return hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
