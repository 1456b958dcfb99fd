package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.MedhubApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A recall traced across three partners of the sample configuration, each in its own format: the warehouse's EPCIS
 * transformation events (components into a batch), the Suzhou MES's B2MML production performance (another batch and
 * the gas cartridge it consumed), and the ERP's delivery of both batches to a customer abroad. Backward from the
 * delivery to every component lot, each link naming the partner and mapping that made it; forward from a component's
 * UDI to the customer.
 */
class SampleGenealogyIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path GOLDEN = REPOSITORY.resolve("routes/src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aDeliveryIsTracedBackToTheComponentLotsOfThreePartnersAndAComponentForwardToTheCustomer() throws Exception {
        String[] args = {
            "--spring.config.additional-location=optional:file:" + REPOSITORY.resolve("config") + "/",
            "--medhub.config-dir=" + REPOSITORY.resolve("config"),
            "--medhub.data-dir=" + dataDir,
            "--server.port=0"
        };
        try (ConfigurableApplicationContext hub = MedhubApplication.start(args)) {
            int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String admin = read("admin.password");
            // the products the MES and the warehouse name by material number
            post(port, "erp-trade", "product", Files.readAllBytes(REPOSITORY.resolve("docs/examples/customs/product.json")), "application/json");
            post(port, "erp-trade", "product", product("09506000111117", "PEBAX-7233", "导管管材"), "application/json");
            post(port, "erp-trade", "product", product("09506000222226", "HUB-LUER-F", "鲁尔接头"), "application/json");
            for (String gtin : List.of("09506000134352", "09506000111117", "09506000222226")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/records/Product?key=01/" + gtin, admin)
                        .statusCode() == 200);
            }

            post(port, "wms-cold-chain", "epcis-events", Files.readAllBytes(GOLDEN.resolve("epcis-jsonld-wms-feed/source.json")),
                    "application/json");
            post(port, "mes-suzhou", "production-performance",
                    Files.readAllBytes(GOLDEN.resolve("b2mml-v0600-production-performance/source.xml")), "application/xml");
            post(port, "erp-trade", "shipment", """
                    {"delivery": "0080099001", "status": "PLANNED", "changedAt": "2026-12-05T08:00:00+08:00",
                     "shipTo": {"id": "FR-DIST-07", "name": "Distribution Médicale", "street": "1 rue du Port", "city": "Le Havre",
                                "country": "FR"},
                     "mode": "SEA", "coldChain": true, "billOfLading": "CMAU1234567", "grossKg": 80, "netKg": 70, "packages": 6,
                     "lines": [{"line": 1, "gtin": "09506000134352", "lot": "L2026112001", "qty": 600},
                               {"line": 2, "gtin": "09506000134352", "lot": "L2026112101", "qty": 1200}]}"""
                    .getBytes(StandardCharsets.UTF_8), "application/json");

            JsonNode back = await().atMost(Duration.ofSeconds(60)).until(() -> trace(port, admin, "0080099001", "backward"),
                    t -> keys(t, "MaterialLot").contains("EO-GAS-CART/EO-2611-03") && keys(t, "Batch").size() == 4);
            assertThat(keys(back, "Batch")).containsExactlyInAnyOrder("01/09506000134352/10/L2026112001",
                    "01/09506000134352/10/L2026112101", "01/09506000111117/10/R24-0917", "01/09506000222226/10/T24-1102");
            List<String> partners = new ArrayList<>();
            back.get("links").forEach(link -> partners.add(link.get("partner").asText() + " " + link.get("mappingId").asText()));
            assertThat(partners).contains("wms-cold-chain wms-epcis-events", "mes-suzhou mes-b2mml-production-performance",
                    "erp-trade erp-trade-shipment");

            // the warehouse serialises a unit of the first batch
            post(port, "wms-cold-chain", "epcis-events", epcis("""
                    {"type": "ObjectEvent", "eventID": "ni:///commission-S1", "eventTime": "2026-12-05T08:00:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "epcList": ["urn:epc:id:sgtin:9506000.013435.S1"], "action": "ADD",
                     "bizStep": "commissioning", "ilmd": {"cbvmda:lotNumber": "L2026112001"}}"""), "application/json");
            await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/api/records/SerialUnit?key=01/09506000134352/21/S1",
                    admin).statusCode() == 200);
            String serial = "(01)09506000134352(21)S1";
            assertThat(keys(trace(port, admin, serial, "backward"), "Batch")).as("the serial back to its components").contains(
                    "01/09506000134352/10/L2026112001", "01/09506000111117/10/R24-0917");

            JsonNode forward = trace(port, admin, "(01)09506000111117(10)R24-0917", "forward");
            assertThat(forward.get("key").asText()).isEqualTo("01/09506000111117/10/R24-0917");
            assertThat(keys(forward, "Shipment")).containsExactly("0080099001");
            assertThat(keys(forward, "Customer")).containsExactly("FR-DIST-07");
            assertThat(keys(forward, "Country")).containsExactly("FR");
            assertThat(keys(forward, "Batch")).doesNotContain("01/09506000134352/10/L2026112101");
            assertThat(keys(forward, "SerialUnit")).containsExactly("01/09506000134352/21/S1");
        }
    }

    private JsonNode trace(int port, String admin, String from, String direction) throws Exception {
        HttpResponse<String> answer = get(port, "/api/trace?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                + "&direction=" + direction, admin);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode();
    }

    private static List<String> keys(JsonNode trace, String entity) {
        List<String> keys = new ArrayList<>();
        trace.path("nodes").forEach(n -> {
            if (n.get("entity").asText().equals(entity)) {
                keys.add(n.get("key").asText());
            }
        });
        return keys;
    }

    private static byte[] epcis(String event) {
        return ("{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], \"type\": \"EPCISDocument\","
                + " \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-12-05T08:00:00+08:00\", \"epcisBody\": {\"eventList\": ["
                + event + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] product(String gtin, String material, String name) {
        return ("{\"gtin\": \"" + gtin + "\", \"material\": \"" + material + "\", \"name\": \"" + name + "\", \"model\": \"-\","
                + " \"manufacturer\": \"杭州示例医疗器械有限公司\", \"class\": \"II\", \"sterile\": false, \"status\": \"ACTIVE\","
                + " \"changedAt\": \"2026-12-01T09:00:00+08:00\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void post(int port, String partner, String messageType, byte[] body, String contentType) throws Exception {
        HttpResponse<String> answer = http.send(request(port, "/api/inbound/" + partner + "/" + messageType, partner,
                read(partner + ".secret")).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(messageType + ": " + answer.body()).isEqualTo(202);
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
