package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.medhub.hub.MedhubApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The hub as {@code ./medhub run} starts it, on the repository's sample configuration and a data directory of the test's. */
final class SampleHub implements AutoCloseable {

    /** The repository root, seen from the module directory the tests run in. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final ConfigurableApplicationContext hub;
    private final Path dataDir;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private SampleHub(ConfigurableApplicationContext hub, Path dataDir) {
        this.hub = hub;
        this.dataDir = dataDir;
        this.port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static SampleHub start(Path dataDir) {
        return new SampleHub(MedhubApplication.start(new String[] {
            "--spring.config.additional-location=optional:file:" + REPOSITORY.resolve("config") + "/",
            "--medhub.config-dir=" + REPOSITORY.resolve("config"),
            "--medhub.data-dir=" + dataDir,
            "--server.port=0"}), dataDir);
    }

    /** Posts a partner's document with the partner's generated credential; the hub must take it (202). */
    void post(String partner, String messageType, byte[] body, String contentType) throws Exception {
        HttpResponse<String> answer = http.send(request("/api/inbound/" + partner + "/" + messageType, partner,
                secret(partner + ".secret")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(messageType + ": " + answer.body()).isEqualTo(202);
    }

    /** A GET as the generated admin. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path, "admin", secret("admin.password")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A secret the hub generated at its first start under {@code data/secrets/}. */
    String secret(String name) throws IOException {
        return Files.readString(dataDir.resolve("secrets").resolve(name), StandardCharsets.UTF_8).strip();
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        hub.close();
    }
}
