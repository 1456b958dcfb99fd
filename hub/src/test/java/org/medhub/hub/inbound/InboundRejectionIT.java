package org.medhub.hub.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/**
 * Every bad input gets a problem response that names the problem; for an authenticated partner the
 * raw bytes are kept and the ledger shows the failure.
 */
class InboundRejectionIT extends HubIntegrationTest {

    @Test
    void refusesMalformedJsonNamingWhereItBreaksAndKeepsTheBytes() {
        var response = postBatch(ACME, ACME_SECRET, "{\"recordId\": \"R-BAD\", \"lotNo\": ");

        assertProblem(response, 400, "malformed-record");
        assertThat(json(response).get("detail").asText()).contains("malformed JSON at line 1");
        assertFailedAndRawKept(json(response).get("messageId").asText(), "MAPPED");
    }

    @Test
    void refusesAnUnknownPartnerAndAWrongCredentialAlikeSoThatNoOneCanListThePartners() {
        var unknown = postBatch("nobody", "whatever", acmeBatch("R-X", "LOT-X"));
        var wrong = postBatch(ACME, "not-the-secret", acmeBatch("R-X", "LOT-X"));

        assertProblem(unknown, 401, "unauthenticated");
        assertProblem(wrong, 401, "unauthenticated");
        assertThat(json(unknown).get("detail").asText()).isEqualTo("unknown partner or wrong credential");
        assertThat(json(wrong).get("detail")).isEqualTo(json(unknown).get("detail"));
        assertStillDelivers();
    }

    @Test
    void refusesAMissingCredential() {
        var response = postBytes("/api/inbound/acme-factory/batch-record", null, null, new byte[] {'{', '}'});

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void refusesAnUnknownMessageTypeNamingTheKnownOnesAndKeepsTheBytes() {
        var response = postBytes("/api/inbound/acme-factory/shipment-notice", ACME, ACME_SECRET,
                acmeBatch("R-T", "LOT-T").getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 404, "unknown-message-type");
        assertThat(json(response).get("detail").asText()).contains("shipment-notice").contains("[batch-record]");
        assertFailedAndRawKept(json(response).get("messageId").asText(), "MAPPED");
    }

    @Test
    void refusesARecordWithoutItsLotNamingTheFieldAndTheRule() {
        String noLot = """
                {"recordId": "R-NOLOT", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "state": "生产中"}""";

        var response = postBatch(ACME, ACME_SECRET, noLot);

        assertProblem(response, 422, "invalid-record");
        assertThat(json(response).get("violations")).singleElement().satisfies(violation -> {
            assertThat(violation.get("field").asText()).isEqualTo("lot");
            assertThat(violation.get("rule").asText()).isEqualTo("required");
        });
        assertFailedAndRawKept(json(response).get("messageId").asText(), "MAPPED");
    }

    @Test
    void refusesEveryBrokenRuleAtOnce() {
        String broken = """
                {"recordId": "R-BROKEN", "product": {"gtin": "09506000134353", "itemCode": "M1"}, "lotNo": "L1", "state": "丢失",
                 "mfgDate": "2026-11-18", "qty": 5}""";

        var response = postBatch(ACME, ACME_SECRET, broken);

        assertProblem(response, 422, "invalid-record");
        // the mapping's code list and the dictionary's check digit, in one answer
        assertThat(json(response).get("violations").findValuesAsText("field")).containsExactlyInAnyOrder("status", "gtin");
        assertThat(json(response).get("violations").findValuesAsText("rule")).containsExactlyInAnyOrder("code-list", "gtin");

        String badGtinAndDates = """
                {"product": {"gtin": "09506000134353", "itemCode": "M1"}, "lotNo": "L1", "state": "放行",
                 "mfgDate": "2026-11-18", "expDate": "2026-01-01"}""";
        var second = postBatch(ACME, ACME_SECRET, badGtinAndDates);
        assertProblem(second, 422, "invalid-record");
        assertThat(json(second).get("violations").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("gtin", "not-before", "required-when", "required-when");
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingItAndRecordsTheAttempt() {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        var response = postBytes("/api/inbound/acme-factory/batch-record", ACME, ACME_SECRET, huge);

        assertProblem(response, 413, "body-too-large");
        JsonNode ledger = message(json(response).get("messageId").asText());
        assertThat(ledger.get("status").asText()).isEqualTo("FAILED");
        assertThat(ledger.get("lastError").asText()).contains("larger than the limit").contains("not kept");
    }

    @Test
    void refusesAContentTypeThatCannotBeTheMessageTypesFormatBeforeReadingIt() {
        byte[] record = acmeBatch("R-CT", "LOT-CT").getBytes(StandardCharsets.UTF_8);

        var xml = postBytes("/api/inbound/acme-factory/batch-record", ACME, ACME_SECRET, record, "application/xml");
        var form = postBytes("/api/inbound/acme-factory/batch-record", ACME, ACME_SECRET, record,
                "application/x-www-form-urlencoded");
        var plain = postBytes("/api/inbound/acme-factory/batch-record", ACME, ACME_SECRET, record, "text/plain; charset=UTF-8");

        assertProblem(xml, 415, "unsupported-media-type");
        assertThat(json(xml).get("detail").asText()).contains("application/xml cannot be a json document")
                .contains("application/json");
        assertProblem(form, 415, "unsupported-media-type");
        assertThat(plain.statusCode()).as("text/plain says nothing about the format: " + plain.body()).isIn(200, 202);
        assertStillDelivers();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                message(json(plain).get("messageId").asText()).get("status").asText()).isEqualTo("DELIVERED"));
    }

    @Test
    void letsAPartnerPostOnlyForItself() {
        var response = postBatch(ACME, ACME_SECRET, "{}");
        var forOther = postBytes("/api/inbound/beta-factory/batch-record", ACME, ACME_SECRET, new byte[] {'{', '}'});

        assertThat(response.statusCode()).isNotEqualTo(403);
        assertProblem(forOther, 403, "forbidden");
    }

    @Test
    void letsAPartnerReadTheAcknowledgementsOfItsOwnMessagesAndNoOneElses() {
        String refused = json(postBatch(ACME, ACME_SECRET, "{\"recordId\": \"R-ACK\"}")).get("messageId").asText();

        var acks = get("/api/inbound/acme-factory/acks?status=FAILED", ACME, ACME_SECRET);

        assertThat(acks.statusCode()).as(acks.body()).isEqualTo(200);
        JsonNode ack = json(acks).get("acks").valueStream().filter(a -> a.get("messageId").asText().equals(refused))
                .findFirst().orElseThrow();
        assertThat(ack.get("status").asText()).isEqualTo("FAILED");
        assertThat(ack.get("reason").asText()).contains("problem(s)");
        assertThat(json(acks).get("acks").findValuesAsText("status")).containsOnly("FAILED");
        assertThat(ack.has("lineage")).as("the hub's inner details stay with operators").isFalse();
        assertProblem(get("/api/inbound/acme-factory/acks", BETA, BETA_SECRET), 403, "forbidden");
        assertProblem(get("/api/inbound/acme-factory/acks", "admin", ADMIN_PASSWORD), 401, "unauthenticated");
        assertProblem(get("/api/inbound/acme-factory/acks?status=LOST", ACME, ACME_SECRET), 400, "invalid-parameter");
    }

    @Test
    void keepsPartnerCredentialsOutOfTheOperationsApi() {
        assertProblem(get("/api/messages", ACME, ACME_SECRET), 401, "unauthenticated");
        assertProblem(get("/api/messages", null, null), 401, "unauthenticated");
        assertThat(get("/api/messages", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void listsFailedMessagesByStatus() {
        String messageId = json(postBatch(ACME, ACME_SECRET, "not json at all")).get("messageId").asText();

        JsonNode failed = json(get("/api/messages?status=FAILED&partner=acme-factory&limit=500", "admin", ADMIN_PASSWORD));

        assertThat(failed.get("messages").findValuesAsText("messageId")).contains(messageId);
        assertThat(failed.get("messages").valueStream().map(m -> m.get("status").asText()).toList()).containsOnly("FAILED");
        assertProblem(get("/api/messages?status=LOST", "admin", ADMIN_PASSWORD), 400, "invalid-parameter");
    }

    private void assertFailedAndRawKept(String messageId, String failedStage) {
        JsonNode ledger = message(messageId);
        assertThat(ledger.get("status").asText()).isEqualTo("FAILED");
        assertThat(ledger.get("raw").get("topic").asText()).isEqualTo("medhub.raw.acme-factory");
        assertThat(ledger.get("stages")).anySatisfy(stage -> {
            assertThat(stage.get("stage").asText()).isEqualTo(failedStage);
            assertThat(stage.get("status").asText()).isEqualTo("FAILED");
            assertThat(stage.get("error").asText()).isNotBlank();
        });
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asText()).isEqualTo("urn:medhub:problem:" + type);
    }
}
