package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The README's customs walk-through (docs/examples/customs/try.sh) on the sample configuration as {@code ./medhub run}
 * starts it: the ERP's product, certificate, invoice and delivery, the factory's lot, and the simulated single window,
 * which verifies the declaration's signature and answers until it is cleared.
 */
class SampleCustomsIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLES = REPOSITORY.resolve("docs/examples/customs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aPackedDeliveryIsDeclaredAndTheSimulatedSingleWindowClearsIt() throws Exception {
        String[] args = {
            "--spring.config.additional-location=optional:file:" + REPOSITORY.resolve("config") + "/",
            "--medhub.config-dir=" + REPOSITORY.resolve("config"),
            "--medhub.data-dir=" + dataDir,
            "--server.port=0"
        };
        try (ConfigurableApplicationContext hub = MedhubApplication.start(args)) {
            int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String admin = read("admin.password");
            post(port, "erp-trade", "product", "product.json");
            post(port, "erp-trade", "registration-certificate", "certificate.json");
            for (int n = 1; n <= 3; n++) {
                post(port, "acme-factory", "batch-record", "batch-" + n + ".json");
            }
            post(port, "erp-trade", "commercial-invoice", "invoice.json");
            for (String status : new String[] {"planned", "picking", "packed"}) {
                post(port, "erp-trade", "shipment", "shipment-" + status + ".json");
                // the delivery's states in the order the ERP reported them
                String expected = status.toUpperCase();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    HttpResponse<String> record = get(port, "/api/records/Shipment?key=0080012345", admin);
                    return record.statusCode() == 200 && JSON.readTree(record.body()).at("/record/status").asText()
                            .equals(expected);
                });
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode list = JSON.readTree(get(port, "/api/customs/declarations", admin).body());
                assertThat(list.at("/declarations/0/shipment").asText()).isEqualTo("0080012345");
                assertThat(list.at("/declarations/0/status").asText()).isEqualTo("CLEARED");
            });
            String clientSeqNo = JSON.readTree(get(port, "/api/customs/declarations", admin).body())
                    .at("/declarations/0/clientSeqNo").asText();
            JsonNode declaration = JSON.readTree(get(port, "/api/customs/declarations/" + clientSeqNo, admin).body());
            assertThat(declaration.at("/record/lines/0/registrationCertificate").asText()).isEqualTo("国械注准20223030456");
            assertThat(declaration.at("/record/receipts")).hasSize(4);
            assertThat(dataDir.resolve("secrets/customs-cn-signing.pub.pem")).exists();
        }
    }

    private void post(int port, String partner, String messageType, String file) throws Exception {
        HttpResponse<String> answer = http.send(request(port, "/api/inbound/" + partner + "/" + messageType, partner,
                read(partner + ".secret")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(EXAMPLES.resolve(file)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(file + ": " + answer.body()).isEqualTo(202);
    }

    private HttpResponse<String> get(int port, String path, String admin) throws Exception {
        return http.send(request(port, path, "admin", admin).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private String read(String secret) throws java.io.IOException {
        return Files.readString(dataDir.resolve("secrets").resolve(secret), StandardCharsets.UTF_8).strip();
    }
}
