package org.medhub.hub.genealogy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medhub.hub.genealogy.TraceNodes.keys;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.gs1.Gs1CheckDigit;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.customs.CustomsHoldings;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The genealogy kept from the canonical topics: a component lot consumed into two batches, one consumption reversed,
 * serials made of a batch and packed in a case and taken out again, the batches shipped to a customer abroad and the
 * shipment declared to customs; traced forward and backward, from any written form of a key, with the message that
 * made each link; and what a recall of the lot reaches, as JSON and CSV.
 */
class GenealogyIT extends HubIntegrationTest {

    private static final String CASE = "034012345000000002";

    @Autowired
    private CanonicalPublisher publisher;

    private CustomsHoldings holdings;

    @BeforeEach
    void subscribersAcceptEverything() {
        holdings = new CustomsHoldings(publisher);
        erp.stubFor(post(urlPathMatching("/erp/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aLotIsTracedForwardToItsCustomersAndDeclarationAndBackFromTheShipment() {
        String shipment = holdings.hold(true);
        String run = shipment.substring("SHP-".length());
        String syringes = "01/" + CustomsHoldings.SYRINGE + "/10/SYR-" + run;
        String otherBatch = "01/" + CustomsHoldings.SYRINGE + "/10/SYX-" + run;
        String lot = "RES-PP/L7-" + run;
        consumption("CON-1-" + run, lot, syringes);
        consumption("CON-2-" + run, lot, otherBatch);
        String declaration = json(postBytes("/api/customs/declarations", "admin", ADMIN_PASSWORD, ("{\"profile\": \"cn-export\","
                + " \"shipment\": \"" + shipment + "\"}").getBytes(StandardCharsets.UTF_8))).get("clientSeqNo").asText();

        JsonNode forward = await().atMost(Duration.ofSeconds(30)).until(() -> trace(lot, "forward"),
                t -> t != null && keys(t, "CustomsDeclaration").contains(declaration));

        assertThat(keys(forward, "Batch")).containsExactlyInAnyOrder(syringes, otherBatch);
        assertThat(keys(forward, "Shipment")).containsExactly(shipment);
        assertThat(keys(forward, "Customer")).containsExactly("DE-DIST-01");
        assertThat(keys(forward, "Country")).containsExactly("DE");
        assertThat(forward.get("complete").asBoolean()).isTrue();
        JsonNode consumed = link(forward, lot, syringes);
        assertThat(consumed.get("relation").asText()).isEqualTo("CONSUMED_INTO");
        assertThat(consumed.get("partner").asText()).isEqualTo("hub");
        assertThat(consumed.get("messageId").asText()).as("the message that made it").hasSize(32);
        assertThat(message(consumed.get("messageId").asText()).get("entity").asText()).isEqualTo("MaterialConsumption");

        JsonNode backward = trace(shipment, "backward");
        assertThat(keys(backward, "MaterialLot")).containsExactly(lot);
        assertThat(keys(backward, "Batch")).contains(syringes).doesNotContain(otherBatch);

        JsonNode oneStep = json(get("/api/trace?from=" + enc(lot) + "&depth=1", "admin", ADMIN_PASSWORD));
        assertThat(keys(oneStep, "Shipment")).isEmpty();
        assertThat(oneStep.get("complete").asBoolean()).isFalse();

        // the second consumption was booked wrongly: its reversal takes the lot out of that batch
        publish("MaterialConsumption", "REV-2-" + run, """
                {"eventId": "REV-2-%s", "eventType": "REVERSAL", "reverses": "CON-2-%s", "outputBatch": "%s",
                 "inputMaterial": "RES-PP", "inputMaterialLot": "%s", "quantity": {"value": 2.5, "unit": "kg"},
                 "consumedAt": "2026-12-05T10:00:00+08:00"}""".formatted(run, run, otherBatch, lot));
        await().atMost(Duration.ofSeconds(30)).until(() -> !keys(trace(lot, "forward"), "Batch").contains(otherBatch));
    }

    @Test
    void anItemPackedInACaseAndTakenOutAgainIsFoundByAnyFormOfItsUdi() {
        String shipment = holdings.hold(true);
        String run = shipment.substring("SHP-".length());
        String batch = "01/" + CustomsHoldings.SYRINGE + "/10/SYR-" + run;
        String serial = "01/" + CustomsHoldings.SYRINGE + "/21/S" + run;
        serial(run, "COMMISSIONED", null, "2026-12-05T08:00:00+08:00");
        serial(run, "PACKED", CASE, "2026-12-05T09:00:00+08:00");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(keys(trace(batch, "forward"), "Sscc"))
                .as(trace(batch, "forward").toString()).contains(CASE));
        for (String udi : List.of("(01)" + CustomsHoldings.SYRINGE + "(21)S" + run, "01" + CustomsHoldings.SYRINGE + "21S" + run,
                "https://id.gs1.org/01/" + CustomsHoldings.SYRINGE + "/21/S" + run)) {
            JsonNode back = trace(udi, "backward");
            assertThat(back.get("key").asText()).as(udi).isEqualTo(serial);
            assertThat(keys(back, "Batch")).as(udi).containsExactly(batch);
        }

        serial(run, "COMMISSIONED", null, "2026-12-05T10:00:00+08:00"); // the aggregation undone
        await().atMost(Duration.ofSeconds(30)).until(() -> !keys(trace(serial, "forward"), "Sscc").contains(CASE));
    }

    @Test
    void unitsPackedIntoACaseOnAPalletAreTracedToThePalletUntilTakenOutAndTheCaseEmptied() {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String box = sscc();
        String pallet = sscc();
        String first = "01/" + CustomsHoldings.SYRINGE + "/21/A" + run;
        String second = "01/" + CustomsHoldings.SYRINGE + "/21/B" + run;
        String lot = "01/" + CustomsHoldings.SYRINGE + "/10/Q" + run;
        aggregation("P1#1-" + run, "ADD", box, "childSerialUnit", first, "2026-12-05T09:00:00+08:00");
        aggregation("P1#2-" + run, "ADD", box, "childSerialUnit", second, "2026-12-05T09:00:00+08:00");
        aggregation("P2#1-" + run, "ADD", pallet, "childSscc", box, "2026-12-05T09:30:00+08:00");
        aggregation("P2#q1-" + run, "OBSERVE", pallet, "childBatch", lot, "2026-12-05T09:30:00+08:00");

        JsonNode back = await().atMost(Duration.ofSeconds(30)).until(() -> trace(pallet, "backward"),
                t -> keys(t, "SerialUnit").size() == 2 && keys(t, "Batch").contains(lot));
        assertThat(keys(back, "Sscc")).as("the pallet and the case on it").containsExactlyInAnyOrder(pallet, box);
        assertThat(keys(back, "SerialUnit")).containsExactlyInAnyOrder(first, second);
        assertThat(link(back, lot, pallet).get("quantity").decimalValue()).isEqualByComparingTo("40");
        assertThat(keys(trace("(01)" + CustomsHoldings.SYRINGE + "(21)A" + run, "forward"), "Sscc"))
                .containsExactlyInAnyOrder(box, pallet);

        // the second unit taken out of the case, then the case emptied
        aggregation("U1#1-" + run, "DELETE", box, "childSerialUnit", second, "2026-12-05T10:00:00+08:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(trace(second, "forward"), "Sscc").isEmpty());
        assertThat(keys(trace(first, "forward"), "Sscc")).containsExactlyInAnyOrder(box, pallet);
        aggregation("U2#e-" + run, "DELETE", box, null, null, "2026-12-05T10:10:00+08:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(trace(first, "forward"), "Sscc").isEmpty());
        assertThat(keys(trace(pallet, "backward"), "Sscc")).as("the case is still on the pallet")
                .containsExactlyInAnyOrder(pallet, box);
    }

    @Test
    void aPackingReadAfterItsUndoingStaysUndoneAndAPackingAfterItCounts(@Autowired GenealogyProjection projection) {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String box = sscc();
        String unit = "01/" + CustomsHoldings.SYRINGE + "/21/C" + run;
        // the topics are keyed by record: the undoing of a packing may be read before the packing itself
        projection.apply(aggregationEnvelope("U#" + run, "DELETE", box, "childSerialUnit", unit, "2026-12-05T10:00:00+08:00"));
        projection.apply(aggregationEnvelope("P#" + run, "ADD", box, "childSerialUnit", unit, "2026-12-05T09:00:00+08:00"));
        projection.apply(aggregationEnvelope("P#" + run, "ADD", box, "childSerialUnit", unit, "2026-12-05T09:00:00+08:00"));
        assertThat(keys(trace(unit, "forward"), "Sscc")).as("undone at 10:00").isEmpty();

        projection.apply(aggregationEnvelope("E#" + run, "DELETE", box, null, null, "2026-12-05T12:00:00+08:00"));
        projection.apply(aggregationEnvelope("R#" + run, "ADD", box, "childSerialUnit", unit, "2026-12-05T11:00:00+08:00"));
        assertThat(keys(trace(unit, "forward"), "Sscc")).as("packed again at 11:00, the case emptied at 12:00").isEmpty();

        projection.apply(aggregationEnvelope("S#" + run, "ADD", box, "childSerialUnit", unit, "2026-12-05T13:00:00+08:00"));
        assertThat(keys(trace(unit, "forward"), "Sscc")).as("packed again at 13:00").containsExactly(box);
    }

    @Test
    void aRecallImpactListsBatchesShipmentsCustomersCountriesAndDeclarationsAsJsonAndCsv() {
        String shipment = holdings.hold(true);
        String run = shipment.substring("SHP-".length());
        String syringes = "01/" + CustomsHoldings.SYRINGE + "/10/SYR-" + run;
        String lot = "RES-PP/L9-" + run;
        consumption("CON-9-" + run, lot, syringes);
        String declaration = json(postBytes("/api/customs/declarations", "admin", ADMIN_PASSWORD, ("{\"profile\": \"cn-export\","
                + " \"shipment\": \"" + shipment + "\"}").getBytes(StandardCharsets.UTF_8))).get("clientSeqNo").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(trace(lot, "forward"), "CustomsDeclaration").contains(declaration));

        JsonNode impact = json(get("/api/recall-impact?from=" + enc(lot), "admin", ADMIN_PASSWORD));
        HttpResponse<String> csv = get("/api/recall-impact?from=" + enc(lot) + "&format=csv", "admin", ADMIN_PASSWORD);

        assertThat(texts(impact.get("batches"))).containsExactly(syringes);
        assertThat(texts(impact.get("customers"))).containsExactly("DE-DIST-01");
        assertThat(texts(impact.get("countries"))).containsExactly("DE");
        assertThat(texts(impact.get("declarations"))).containsExactly(declaration);
        JsonNode shipped = impact.get("shipments").get(0);
        assertThat(shipped.get("shipment").asText()).isEqualTo(shipment);
        assertThat(shipped.at("/items/0/key").asText()).isEqualTo(syringes);
        assertThat(shipped.at("/items/0/quantity").decimalValue()).isEqualByComparingTo("10000");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "item_entity,item,quantity,unit,shipment,customer,country,declarations",
                "Batch," + syringes + ",10000," + shipped.at("/items/0/unit").asText() + "," + shipment + ",DE-DIST-01,DE,"
                        + declaration);

        assertThat(get("/api/recall-impact?from=NOTHING-" + run, "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/trace?from=" + enc(lot) + "&direction=sideways", "admin", ADMIN_PASSWORD).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBatchsEvidencePackHoldsItsVersionsMessagesAndAuditAndItsManifestVerifies() throws Exception {
        String lot = "LOT-EVID-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String batch = "01/09506000134352/10/" + lot;
        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-" + lot, lot))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/records/Batch?key=" + enc(batch), "admin",
                ADMIN_PASSWORD).statusCode() == 200);
        consumption("CON-EVID-" + lot, "RES-PP/" + lot, batch);
        aggregation("PACK-EVID-" + lot, "ADD", sscc(), "childBatch", batch, "2026-12-05T11:00:00+08:00");

        HttpResponse<byte[]> pack = getBytes("/api/evidence?batch=" + enc(batch), "admin", ADMIN_PASSWORD);

        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(EvidencePacks.verify(pack.body())).isEmpty();
        java.util.Map<String, byte[]> files = unzip(pack.body());
        assertThat(files).containsKeys("records/Batch/01_09506000134352_10_" + lot + ".json",
                "records/MaterialConsumption/CON-EVID-" + lot + ".json", "records/Aggregation/PACK-EVID-" + lot + ".json",
                "messages/" + messageId + "/raw", "messages/" + messageId + "/canonical.json", "messages/" + messageId + "/ledger.json", "conflicts.json",
                "audit.json", "mappings.json", "manifest.json", "manifest.sha256");
        assertThat(new String(files.get("messages/" + messageId + "/raw"), StandardCharsets.UTF_8))
                .as("as the factory sent it").contains("\"lotNo\": \"" + lot + "\"").contains("放行");
        assertThat(new String(files.get("mappings.json"), StandardCharsets.UTF_8)).contains("acme-batch-record");

        files.put("messages/" + messageId + "/raw", "{\"lotNo\": \"changed\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(EvidencePacks.verify(zip(files))).containsExactly("messages/" + messageId + "/raw: its SHA-256 is not the"
                + " manifest's");
        assertThat(getBytes("/api/evidence?batch=NO-SUCH-BATCH", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(404);
    }

    private static java.util.Map<String, byte[]> unzip(byte[] archive) throws java.io.IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(java.util.Map<String, byte[]> files) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void aggregation(String eventId, String action, String parent, String childField, String child, String at) {
        publish("Aggregation", eventId, aggregationRecord(eventId, action, parent, childField, child, at));
    }

    private static Envelope aggregationEnvelope(String eventId, String action, String parent,
            String childField, String child, String at) {
        String record = aggregationRecord(eventId, action, parent, childField, child, at);
        return new Envelope(MessageIds.fromContent("hub",
                "Aggregation", eventId, record.getBytes(StandardCharsets.UTF_8)), "Aggregation", 1, eventId, "hub", "hub", null,
                null, 1L, eventId, null, OffsetDateTime.now(), Instant.now(), null, json(record));
    }

    private static String aggregationRecord(String eventId, String action, String parent, String childField, String child,
            String at) {
        String childPart = childField == null ? "" : ", \"" + childField + "\": \"" + child + "\"";
        String quantity = "childBatch".equals(childField) ? ", \"quantity\": {\"value\": 40, \"unit\": \"EA\"}" : "";
        return "{\"eventId\": \"" + eventId + "\", \"action\": \"" + action + "\", \"parentSscc\": \"" + parent + "\""
                + childPart + quantity + ", \"aggregatedAt\": \"" + at + "\"}";
    }

    /** A new SSCC of the sample company prefix, with its check digit. */
    private static String sscc() {
        String body = "19506000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return body + Gs1CheckDigit.compute(body);
    }

    private void consumption(String eventId, String lot, String batch) {
        publish("MaterialConsumption", eventId, """
                {"eventId": "%s", "eventType": "CONSUMPTION", "outputBatch": "%s", "inputMaterial": "RES-PP",
                 "inputMaterialLot": "%s", "quantity": {"value": 2.5, "unit": "kg"}, "consumedAt": "2026-12-05T09:00:00+08:00"}"""
                .formatted(eventId, batch, lot));
    }

    private void serial(String run, String status, String sscc, String at) {
        publish("SerialUnit", "01/" + CustomsHoldings.SYRINGE + "/21/S" + run, """
                {"gtin": "%s", "serial": "S%s", "batch": "01/%s/10/SYR-%s", "status": "%s", "statusChangedAt": "%s"%s}"""
                .formatted(CustomsHoldings.SYRINGE, run, CustomsHoldings.SYRINGE, run, status, at,
                        sscc == null ? "" : ", \"parentSscc\": \"" + sscc + "\""));
    }

    private void publish(String entity, String key, String record) {
        holdings.keep(entity, key, record);
    }

    private JsonNode trace(String from, String direction) {
        HttpResponse<String> response = get("/api/trace?from=" + enc(from) + "&direction=" + direction, "admin", ADMIN_PASSWORD);
        return response.statusCode() == 200 ? json(response) : JSON.createObjectNode();
    }

    private static JsonNode link(JsonNode trace, String from, String to) {
        for (JsonNode link : trace.get("links")) {
            if (link.get("fromKey").asText().equals(from) && link.get("toKey").asText().equals(to)) {
                return link;
            }
        }
        throw new AssertionError("no link " + from + " -> " + to);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
