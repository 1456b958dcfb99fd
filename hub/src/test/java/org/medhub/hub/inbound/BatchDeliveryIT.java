package org.medhub.hub.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/** The vertical slice: a partner posts a batch record, the ERP receives the canonical Batch once. */
class BatchDeliveryIT extends HubIntegrationTest {

    private static final String ERP_PATH = "/erp/batches";

    @Test
    void deliversAPostedBatchToTheErpWithItsMessageIdAsIdempotencyKey() {
        erp.stubFor(post(ERP_PATH).willReturn(aResponse().withStatus(201)));

        var response = postBatch(ACME, ACME_SECRET, acmeBatch("REC-1", "LOT-DELIVER"));

        assertThat(response.statusCode()).isEqualTo(202);
        String messageId = json(response).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        erp.verify(1, postRequestedFor(urlEqualTo(ERP_PATH))
                .withHeader("Idempotency-Key", equalTo(messageId))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.entity", equalTo("Batch")))
                .withRequestBody(matchingJsonPath("$.businessKey", equalTo("01/09506000134352/10/LOT-DELIVER")))
                .withRequestBody(matchingJsonPath("$.payload.status", equalTo("RELEASED")))
                // the bytes, not a JSONPath: WireMock would read the number as a double and lose its scale
                .withRequestBody(containing("\"value\":1200"))
                .withRequestBody(matchingJsonPath("$.occurredAt", equalTo("2026-11-21T09:30:00+08:00"))));
    }

    @Test
    void answersARepeatedPostWithTheExistingMessageAndDeliversItOnce() {
        erp.stubFor(post(ERP_PATH).willReturn(aResponse().withStatus(201)));

        var first = postBatch(ACME, ACME_SECRET, acmeBatch("REC-2", "LOT-TWICE"));
        String messageId = json(first).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        var second = postBatch(ACME, ACME_SECRET, acmeBatch("REC-2", "LOT-TWICE"));

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("messageId").asText()).isEqualTo(messageId);
        assertThat(json(second).get("status").asText()).isEqualTo("DUPLICATE");
        JsonNode ledger = message(messageId);
        assertThat(ledger.get("duplicates").asInt()).isEqualTo(1);
        assertThat(ledger.get("stages").findValuesAsText("stage")).contains("DUPLICATE");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                erp.verify(1, postRequestedFor(urlEqualTo(ERP_PATH))
                        .withHeader("Idempotency-Key", equalTo(messageId))));
        assertThat(canonicalRecordsWithKey("01/09506000134352/10/LOT-TWICE")).isEqualTo(1);
    }

    @Test
    void retriesWhenTheErpAnswers500AndDeliversOnce() {
        erp.stubFor(post(ERP_PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database locked")).willSetStateTo("recovered"));
        erp.stubFor(post(ERP_PATH).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201)));

        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-3", "LOT-RETRY"))).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        JsonNode delivered = deliveryStage(message(messageId));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("httpStatus").asInt()).isEqualTo(201);
        assertThat(listed("DELIVERED")).contains(messageId);
        assertThat(listed("PUBLISHED")).doesNotContain(messageId);
        erp.verify(2, postRequestedFor(urlEqualTo(ERP_PATH)).withHeader("Idempotency-Key", equalTo(messageId)));
    }

    @Test
    void marksTheMessageFailedWithTheReasonWhenTheErpIsDownAndKeepsIt() {
        erp.stubFor(post(ERP_PATH).withRequestBody(containing("LOT-DOWN"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-4", "LOT-DOWN"))).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("FAILED"));
        JsonNode ledger = message(messageId);
        assertThat(ledger.get("lastError").asText()).contains("erp").contains("cannot reach");
        JsonNode delivery = deliveryStage(ledger);
        assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(listed("FAILED")).as("a failed delivery fails its message").contains(messageId);
        assertThat(listed("DELIVERED")).doesNotContain(messageId);
        assertThat(ledger.get("canonical").get("topic").asText()).isEqualTo("medhub.canonical.batch");
        JsonNode letter = deadLetter(messageId);
        assertThat(letter).as("the dead letter of " + messageId).isNotNull();
        assertThat(letter.get("stage").asText()).isEqualTo("DELIVERED");
        assertThat(letter.get("subscriber").asText()).isEqualTo("erp");
        assertThat(letter.get("bytes").asText()).isNotEmpty();
    }

    private List<String> listed(String status) {
        return json(get("/api/messages?status=" + status + "&partner=" + ACME + "&limit=500", "admin", ADMIN_PASSWORD))
                .get("messages").findValuesAsText("messageId");
    }

    /** The ERP's delivery: the other subscribers have theirs. */
    private static JsonNode deliveryStage(JsonNode message) {
        for (JsonNode stage : message.get("stages")) {
            if (stage.get("stage").asText().equals("DELIVERED") && stage.path("subscriber").asText().equals("erp")) {
                return stage;
            }
        }
        throw new AssertionError("no delivery to the ERP in " + message);
    }

    private long canonicalRecordsWithKey(String businessKey) {
        return readAll("medhub.canonical.batch").stream().filter(r -> businessKey.equals(r.key())).count();
    }
}
