package org.medhub.hub.customs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.medhub.connectors.customs.XmlSignatures;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customs through the running hub: a declaration made from the shipment, invoice, products, batches and registration
 * certificates the hub holds; checked; signed; submitted once across a timeout; moved on by receipts that come late,
 * twice and out of order; rejected, corrected and resubmitted; made when a shipment is packed; and taken from assembly
 * to clearance by the simulated single window.
 */
class CustomsIT extends HubIntegrationTest {

    private static final String CUSTOMS = "customs-cn";
    private static final String CUSTOMS_SECRET = "customs-it-secret";

    @Autowired
    private CanonicalPublisher publisher;

    private CustomsHoldings holdings;

    @BeforeEach
    void subscribersAcceptEverything() {
        holdings = new CustomsHoldings(publisher);
        erp.stubFor(post(urlPathMatching("/erp/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
    }

    @Test
    void aDeclarationIsAssembledSignedAndSubmittedOnceAcrossATimeoutThenMovedOnlyForwardByItsReceipts() throws Exception {
        String shipment = holdings.hold(true);
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)).willSetStateTo("answering"));
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).inScenario("slow").whenScenarioStateIs("answering")
                .willReturn(aResponse().withStatus(200)));

        HttpResponse<String> declared = declare("cn-export", shipment, null);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String clientSeqNo = json(declared).get("clientSeqNo").asText();
        assertThat(json(declared).get("status").asText()).isEqualTo("SUBMITTED");
        List<LoggedRequest> sent = erp.findAll(postRequestedFor(urlPathEqualTo("/customs/declarations")));
        assertThat(sent).hasSize(2); // the first timed out: the same document again, under the same ClientSeqNo
        assertThat(sent).allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(clientSeqNo));
        assertThat(sent.get(1).getBody()).isEqualTo(sent.get(0).getBody());
        byte[] document = sent.get(0).getBody();
        assertThat(XmlSignatures.verify(document, CUSTOMS_KEY.getPublic())).isEmpty();
        String text = new String(document, StandardCharsets.UTF_8);
        assertThat(text).contains("<GName>一次性使用无菌注射器</GName>", "<GModel>5ml 带针</GModel>",
                "<TradeName>杭州示例医疗器械有限公司</TradeName>", "<DeclTotal>1200.00</DeclTotal>", "<BillNo>COSU6182737444</BillNo>");
        JsonNode kept = json(get("/api/customs/declarations/" + clientSeqNo, "admin", ADMIN_PASSWORD)).get("record");
        assertThat(kept.at("/lines/0/registrationCertificate").asText()).isEqualTo("国械注准20233140123");
        assertThat(kept.at("/lines/1/product").asText()).isEqualTo("01/" + CustomsHoldings.CATHETER);

        // out of order: the clearance first; then the acceptance it implies, late; then the clearance again
        OffsetDateTime cleared = OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusHours(2).withNano(0);
        String at = cleared.toString();
        HttpResponse<String> first = receipt(result(clientSeqNo, "R", at));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> late = receipt(result(clientSeqNo, "L", cleared.minusHours(1).toString()));
        HttpResponse<String> twice = receipt(result(clientSeqNo, "R", at));

        assertThat(json(late).get("versions")).isEmpty();
        assertThat(json(twice).get("versions")).isEmpty();
        JsonNode view = json(get("/api/customs/declarations/" + clientSeqNo, "admin", ADMIN_PASSWORD));
        assertThat(view.get("versions").findValuesAsText("status"))
                .containsExactly("DRAFT", "CHECKED", "SUBMITTED", "ACCEPTED", "RELEASED", "CLEARED");
        assertThat(view.at("/record/entryId").asText()).isEqualTo("223320261000012345");
        assertThat(OffsetDateTime.parse(view.at("/record/releasedAt").asText())).isAtSameInstantAs(cleared);
        assertThat(view.at("/record/receipts")).hasSize(1);
        assertThat(view.at("/declaration/submittedAt").isNull()).isFalse();
    }

    @Test
    void aRejectionInGb18030RaisesAnAlertNamingTheFieldAndTheCorrectionIsSubmittedAndLinked() {
        String shipment = holdings.hold(true);
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).willReturn(aResponse().withStatus(200)));
        String rejected = json(declare("cn-export", shipment, null)).get("clientSeqNo").asText();
        Charset gb18030 = Charset.forName("GB18030");
        byte[] refusal = ("<?xml version=\"1.0\" encoding=\"GB18030\"?><DecImportResponse xmlns=\"urn:medhub:customs:cn:dec:1\">"
                + "<ResponseCode>1</ResponseCode><ErrorMessage Field=\"DecList[1].CodeTS\">商品编号与申报品名不符</ErrorMessage>"
                + "<ClientSeqNo>" + rejected + "</ClientSeqNo></DecImportResponse>").getBytes(gb18030);

        HttpResponse<String> answer = receipt(refusal);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("status").asText()).isEqualTo("REJECTED");
        assertThat(json(answer).get("fieldsToCorrect").get(0).asText()).isEqualTo("DecList[1].CodeTS");
        JsonNode alert = json(get("/api/alerts?entity=CustomsDeclaration&key=" + rejected, "admin", ADMIN_PASSWORD))
                .get("alerts").get(0);
        assertThat(alert.get("rule").asText()).isEqualTo("customs-rejected");
        assertThat(alert.get("fields").get(0).asText()).isEqualTo("DecList[1].CodeTS");
        assertThat(alert.get("detail").asText()).contains("商品编号与申报品名不符"); // read as GB18030, kept as written

        HttpResponse<String> corrected = postBytes("/api/customs/declarations/" + rejected + "/correction", "admin",
                ADMIN_PASSWORD, """
                {"reason": "HS code of line 1 corrected as customs asked", "fields": {"billOfLading": "COSU6182737450"}}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        String correction = json(corrected).get("clientSeqNo").asText();
        assertThat(correction).isNotEqualTo(rejected);
        assertThat(json(corrected).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(json(corrected).at("/declaration/replaces").asText()).isEqualTo(rejected);
        assertThat(json(get("/api/customs/declarations/" + rejected, "admin", ADMIN_PASSWORD))
                .at("/declaration/correctedBy").asText()).isEqualTo(correction);
        assertThat(postBytes("/api/customs/declarations/" + rejected + "/correction", "admin", ADMIN_PASSWORD,
                "{\"reason\": \"again\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(409);
        assertThat(json(get("/api/customs/declarations/" + rejected, "admin", ADMIN_PASSWORD)).at("/record/status")
                .asText()).isEqualTo("REJECTED"); // as customs left it
    }

    @Test
    void everyPreflightFindingComesAtOnceAndNothingIsKeptOrSent() {
        String shipment = holdings.hold(false); // its batches are not released

        // and a person gives a net weight above the gross
        HttpResponse<String> refused = declare("cn-export", shipment, "{\"netWeight\": {\"value\": 600, \"unit\": \"kg\"}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("findings").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("released-quantity", "released-quantity", "weights");
        assertThat(json(refused).get("findings").findValuesAsText("field")).contains("lines[product=01/" + CustomsHoldings.SYRINGE
                + "].declaredQuantity");
        assertThat(json(get("/api/customs/declarations", "admin", ADMIN_PASSWORD)).get("declarations")
                .findValuesAsText("shipment")).doesNotContain(shipment);
        assertThat(erp.findAll(postRequestedFor(urlPathEqualTo("/customs/declarations")))).isEmpty();
    }

    @Test
    void aMissingRecordIsNamedAndAnUnknownDeclarationsReceiptIsRefused() {
        HttpResponse<String> unknown = declare("cn-export", "SHP-NOWHERE", null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("violations").get(0).get("field").asText()).isEqualTo("shipment");

        HttpResponse<String> stray = receipt(result("MH0000000000000000", "L", "2026-12-05T10:00:00+08:00"));
        assertThat(stray.statusCode()).isEqualTo(404);
        assertThat(receipt("<not-a-receipt/>".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    }

    @Test
    void aShipmentPackedForExportIsDeclaredWithoutAnyoneAsking() throws Exception {
        erp.stubFor(post(urlPathEqualTo("/customs/declarations")).willReturn(aResponse().withStatus(200)));
        awaitConsumerGroup("medhub.customs"); // it reads shipments from the newest on
        String shipment = holdings.hold(true);

        holdings.keep("Shipment", shipment, CustomsHoldings.shipment(shipment, "PACKED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(get("/api/customs/declarations",
                "admin", ADMIN_PASSWORD)).get("declarations").findValuesAsText("shipment")).contains(shipment));
        JsonNode row = rowOf(shipment);
        assertThat(row.get("profile").asText()).isEqualTo("cn-export");
        assertThat(row.get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void theSimulatedSingleWindowVerifiesTheSignatureAndAnswersFromAcceptanceToClearance() {
        String shipment = holdings.hold(true);

        HttpResponse<String> declared = declare("cn-simulated", shipment, null);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String clientSeqNo = json(declared).get("clientSeqNo").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(get("/api/customs/declarations/"
                + clientSeqNo, "admin", ADMIN_PASSWORD)).at("/record/status").asText()).isEqualTo("CLEARED"));
        JsonNode record = json(get("/api/customs/declarations/" + clientSeqNo, "admin", ADMIN_PASSWORD)).get("record");
        assertThat(record.get("seqNo").asText()).hasSize(18);
        assertThat(record.get("entryId").asText()).hasSize(18);
        assertThat(record.get("receipts")).hasSize(4);
    }

    @Test
    void byFileExchangeTheSignedDeclarationIsWrittenForTheClientAndItsReceiptsAreReadBack() throws Exception {
        String shipment = holdings.hold(true);
        java.nio.file.Path exchange = java.nio.file.Path.of(DATA_DIR_FOR_TESTS, "exchange", "customs-cn");

        HttpResponse<String> declared = declare("cn-files", shipment, null);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String clientSeqNo = json(declared).get("clientSeqNo").asText();
        java.nio.file.Path written = exchange.resolve("out").resolve(clientSeqNo + ".xml");
        assertThat(XmlSignatures.verify(java.nio.file.Files.readAllBytes(written), CUSTOMS_KEY.getPublic())).isEmpty();

        java.nio.file.Files.createDirectories(exchange.resolve("in"));
        java.nio.file.Files.write(exchange.resolve("in").resolve("result-" + clientSeqNo + ".xml"),
                result(clientSeqNo, "L", OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0).toString()));
        java.nio.file.Files.writeString(exchange.resolve("in").resolve("garbage-" + clientSeqNo + ".xml"), "<garbage/>");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(get("/api/customs/declarations/"
                + clientSeqNo, "admin", ADMIN_PASSWORD)).at("/record/status").asText()).isEqualTo("ACCEPTED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(exchange.resolve("in/done/result-" + clientSeqNo + ".xml")).exists();
            assertThat(exchange.resolve("in/failed/garbage-" + clientSeqNo + ".xml")).exists();
        });
    }

    private HttpResponse<String> declare(String profile, String shipment, String fields) {
        return postBytes("/api/customs/declarations", "admin", ADMIN_PASSWORD, ("{\"profile\": \"" + profile
                + "\", \"shipment\": \"" + shipment + "\"" + (fields == null ? "" : ", \"fields\": " + fields) + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> receipt(byte[] document) {
        return postBytes("/api/inbound/" + CUSTOMS + "/customs-receipt", CUSTOMS, CUSTOMS_SECRET, document,
                "application/xml");
    }

    private static byte[] result(String clientSeqNo, String channel, String at) {
        return ("<DecResult xmlns=\"urn:medhub:customs:cn:dec:1\"><CLIENT_SEQ_NO>" + clientSeqNo + "</CLIENT_SEQ_NO>"
                + "<SEQ_NO>223320261000012345</SEQ_NO><ENTRY_ID>223320261000012345</ENTRY_ID><CHANNEL>" + channel
                + "</CHANNEL><NOTICE_DATE>" + at + "</NOTICE_DATE></DecResult>").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode rowOf(String shipment) {
        for (JsonNode row : json(get("/api/customs/declarations", "admin", ADMIN_PASSWORD)).get("declarations")) {
            if (row.get("shipment").asText().equals(shipment)) {
                return row;
            }
        }
        throw new AssertionError("no declaration of " + shipment);
    }
}
