package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's customs walk-through (docs/examples/customs/try.sh) on the sample configuration as {@code ./medhub run}
 * starts it: the ERP's product, certificate, invoice and delivery, the factory's lot, and the simulated single window,
 * which verifies the declaration's signature and answers until it is cleared.
 */
class SampleCustomsIT {

    private static final Path EXAMPLES = SampleHub.REPOSITORY.resolve("docs/examples/customs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aPackedDeliveryIsDeclaredAndTheSimulatedSingleWindowClearsIt() throws Exception {
        try (SampleHub hub = SampleHub.start(dataDir)) {
            post(hub, "erp-trade", "product", "product.json");
            post(hub, "erp-trade", "registration-certificate", "certificate.json");
            for (int n = 1; n <= 3; n++) {
                post(hub, "acme-factory", "batch-record", "batch-" + n + ".json");
            }
            post(hub, "erp-trade", "commercial-invoice", "invoice.json");
            for (String status : new String[] {"planned", "picking", "packed"}) {
                post(hub, "erp-trade", "shipment", "shipment-" + status + ".json");
                // the delivery's states in the order the ERP reported them
                String expected = status.toUpperCase();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    HttpResponse<String> record = hub.get("/api/records/Shipment?key=0080012345");
                    return record.statusCode() == 200 && JSON.readTree(record.body()).at("/record/status").asText()
                            .equals(expected);
                });
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode list = JSON.readTree(hub.get("/api/customs/declarations").body());
                assertThat(list.at("/declarations/0/shipment").asText()).isEqualTo("0080012345");
                assertThat(list.at("/declarations/0/status").asText()).isEqualTo("CLEARED");
            });
            String clientSeqNo = JSON.readTree(hub.get("/api/customs/declarations").body())
                    .at("/declarations/0/clientSeqNo").asText();
            JsonNode declaration = JSON.readTree(hub.get("/api/customs/declarations/" + clientSeqNo).body());
            assertThat(declaration.at("/record/lines/0/registrationCertificate").asText()).isEqualTo("国械注准20223030456");
            assertThat(declaration.at("/record/receipts")).hasSize(4);
            assertThat(dataDir.resolve("secrets/customs-cn-signing.pub.pem")).exists();
        }
    }

    private static void post(SampleHub hub, String partner, String messageType, String file) throws Exception {
        hub.post(partner, messageType, Files.readAllBytes(EXAMPLES.resolve(file)), "application/json");
    }
}
