package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medhub.hub.genealogy.TraceNodes.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recall traced across three partners of the sample configuration, each in its own format: the warehouse's EPCIS
 * transformation events (components into a batch), the Suzhou MES's B2MML production performance (another batch and
 * the gas cartridge it consumed), and the ERP's delivery of both batches to a customer abroad. Backward from the
 * delivery to every component lot, each link naming the partner and mapping that made it; a unit of a batch packed
 * into a case on a pallet (another taken off again), the pallet back to the components; forward from a component's
 * UDI to the customer and the pallet.
 */
class SampleGenealogyIT {

    private static final Path GOLDEN = SampleHub.REPOSITORY.resolve("routes/src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aDeliveryIsTracedBackToTheComponentLotsOfThreePartnersAndAComponentForwardToTheCustomer() throws Exception {
        try (SampleHub hub = SampleHub.start(dataDir)) {
            // the products the MES and the warehouse name by material number
            hub.post("erp-trade", "product", Files.readAllBytes(SampleHub.REPOSITORY.resolve("docs/examples/customs/product.json")),
                    "application/json");
            hub.post("erp-trade", "product", product("09506000111117", "PEBAX-7233", "导管管材"), "application/json");
            hub.post("erp-trade", "product", product("09506000222226", "HUB-LUER-F", "鲁尔接头"), "application/json");
            for (String gtin : List.of("09506000134352", "09506000111117", "09506000222226")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> hub.get("/api/records/Product?key=01/" + gtin)
                        .statusCode() == 200);
            }

            hub.post("wms-cold-chain", "epcis-events", Files.readAllBytes(GOLDEN.resolve("epcis-jsonld-wms-feed/source.json")),
                    "application/json");
            hub.post("mes-suzhou", "production-performance",
                    Files.readAllBytes(GOLDEN.resolve("b2mml-v0600-production-performance/source.xml")), "application/xml");
            hub.post("erp-trade", "shipment", """
                    {"delivery": "0080099001", "status": "PLANNED", "changedAt": "2026-12-05T08:00:00+08:00",
                     "shipTo": {"id": "FR-DIST-07", "name": "Distribution Médicale", "street": "1 rue du Port", "city": "Le Havre",
                                "country": "FR"},
                     "mode": "SEA", "coldChain": true, "billOfLading": "CMAU1234567", "grossKg": 80, "netKg": 70, "packages": 6,
                     "lines": [{"line": 1, "gtin": "09506000134352", "lot": "L2026112001", "qty": 600},
                               {"line": 2, "gtin": "09506000134352", "lot": "L2026112101", "qty": 1200}]}"""
                    .getBytes(StandardCharsets.UTF_8), "application/json");

            JsonNode back = await().atMost(Duration.ofSeconds(60)).until(() -> trace(hub, "0080099001", "backward"),
                    t -> keys(t, "MaterialLot").contains("EO-GAS-CART/EO-2611-03") && keys(t, "Batch").size() == 4);
            assertThat(keys(back, "Batch")).containsExactlyInAnyOrder("01/09506000134352/10/L2026112001",
                    "01/09506000134352/10/L2026112101", "01/09506000111117/10/R24-0917", "01/09506000222226/10/T24-1102");
            List<String> partners = new ArrayList<>();
            back.get("links").forEach(link -> partners.add(link.get("partner").asText() + " " + link.get("mappingId").asText()));
            assertThat(partners).contains("wms-cold-chain wms-epcis-events", "mes-suzhou mes-b2mml-production-performance",
                    "erp-trade erp-trade-shipment");

            // the warehouse serialises a unit of the first batch
            hub.post("wms-cold-chain", "epcis-events", epcis("""
                    {"type": "ObjectEvent", "eventID": "ni:///commission-S1", "eventTime": "2026-12-05T08:00:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "epcList": ["urn:epc:id:sgtin:9506000.013435.S1"], "action": "ADD",
                     "bizStep": "commissioning", "ilmd": {"cbvmda:lotNumber": "L2026112001"}}"""), "application/json");
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.get("/api/records/SerialUnit?key=01/09506000134352/21/S1")
                    .statusCode() == 200);
            String serial = "(01)09506000134352(21)S1";
            assertThat(keys(trace(hub, serial, "backward"), "Batch")).as("the serial back to its components").contains(
                    "01/09506000134352/10/L2026112001", "01/09506000111117/10/R24-0917");

            // and packs it into a case, the case and a spare unit onto a pallet, and takes the spare unit off again
            hub.post("wms-cold-chain", "epcis-events", epcis("""
                    {"type": "AggregationEvent", "eventID": "ni:///pack-case-1", "eventTime": "2026-12-05T09:00:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "parentID": "urn:epc:id:sscc:9506000.1000000001",
                     "childEPCs": ["urn:epc:id:sgtin:9506000.013435.S1"], "action": "ADD", "bizStep": "packing"},
                    {"type": "AggregationEvent", "eventID": "ni:///pack-pallet-77", "eventTime": "2026-12-05T09:30:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "parentID": "https://id.gs1.org/00/395060000000000771",
                     "childEPCs": ["https://id.gs1.org/00/195060000000000012", "urn:epc:id:sgtin:9506000.013435.S9"],
                     "action": "ADD", "bizStep": "packing"}"""), "application/json");
            String pallet = "(00)395060000000000771";
            await().atMost(Duration.ofSeconds(30)).until(() -> keys(trace(hub, pallet, "backward"), "SerialUnit").size() == 2);
            hub.post("wms-cold-chain", "epcis-events", epcis("""
                    {"type": "AggregationEvent", "eventID": "ni:///unpack-S9", "eventTime": "2026-12-05T10:00:00+08:00",
                     "eventTimeZoneOffset": "+08:00", "parentID": "urn:epc:id:sscc:9506000.3000000077",
                     "childEPCs": ["urn:epc:id:sgtin:9506000.013435.S9"], "action": "DELETE", "bizStep": "unpacking"}"""),
                    "application/json");
            JsonNode packed = await().atMost(Duration.ofSeconds(30)).until(() -> trace(hub, pallet, "backward"),
                    t -> keys(t, "SerialUnit").size() == 1);
            assertThat(keys(packed, "SerialUnit")).as("the spare unit was taken off").containsExactly("01/09506000134352/21/S1");
            assertThat(keys(packed, "Sscc")).containsExactlyInAnyOrder("395060000000000771", "195060000000000012");
            assertThat(keys(packed, "Batch")).as("the pallet back to the unit's components").contains(
                    "01/09506000134352/10/L2026112001", "01/09506000111117/10/R24-0917");

            JsonNode forward = trace(hub, "(01)09506000111117(10)R24-0917", "forward");
            assertThat(forward.get("key").asText()).isEqualTo("01/09506000111117/10/R24-0917");
            assertThat(keys(forward, "Shipment")).containsExactly("0080099001");
            assertThat(keys(forward, "Customer")).containsExactly("FR-DIST-07");
            assertThat(keys(forward, "Country")).containsExactly("FR");
            assertThat(keys(forward, "Batch")).doesNotContain("01/09506000134352/10/L2026112101");
            assertThat(keys(forward, "SerialUnit")).containsExactly("01/09506000134352/21/S1");
            assertThat(keys(forward, "Sscc")).as("the unit's case and pallet").containsExactlyInAnyOrder("195060000000000012",
                    "395060000000000771");
        }
    }

    private static JsonNode trace(SampleHub hub, String from, String direction) throws Exception {
        HttpResponse<String> answer = hub.get("/api/trace?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
                + "&direction=" + direction);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode();
    }

    private static byte[] epcis(String events) {
        return ("{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], \"type\": \"EPCISDocument\","
                + " \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-12-05T08:00:00+08:00\", \"epcisBody\": {\"eventList\": ["
                + events + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] product(String gtin, String material, String name) {
        return ("{\"gtin\": \"" + gtin + "\", \"material\": \"" + material + "\", \"name\": \"" + name + "\", \"model\": \"-\","
                + " \"manufacturer\": \"杭州示例医疗器械有限公司\", \"class\": \"II\", \"sterile\": false, \"status\": \"ACTIVE\","
                + " \"changedAt\": \"2026-12-01T09:00:00+08:00\"}").getBytes(StandardCharsets.UTF_8);
    }
}
