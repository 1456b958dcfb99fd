package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/** What the sync backbone promises a subscriber: one delivery per message, in order per business key. */
class DeliveryGuaranteesIT extends HubIntegrationTest {

    private static final String ERP_PATH = "/erp/batches";
    private static final String WMS_PATH = "/wms/batches";

    @Test
    void deliversOneMessageOnceWhenItIsPostedAHundredTimesAtOnce() throws Exception {
        erp.stubFor(post(ERP_PATH).willReturn(aResponse().withStatus(201)));
        String record = acmeBatch("REC-STORM", "LOT-STORM");

        List<JsonNode> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<JsonNode>> posts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                posts.add(senders.submit(() -> json(postBatch(ACME, ACME_SECRET, record))));
            }
            for (Future<JsonNode> post : posts) {
                answers.add(post.get());
            }
        } finally {
            senders.shutdown();
        }

        String messageId = answers.get(0).get("messageId").asText();
        assertThat(answers).extracting(a -> a.get("messageId").asText()).containsOnly(messageId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                erp.verify(1, postRequestedFor(urlEqualTo(ERP_PATH)).withHeader("Idempotency-Key", equalTo(messageId))));
    }

    @Test
    void deliversUpdatesOfOneKeyInOrderWhileTheSubscriberFailsAndLetsOtherKeysThrough() {
        erp.stubFor(post(ERP_PATH).willReturn(aResponse().withStatus(201)));
        // the WMS fails update 3 of LOT-ORDER until the test lets it through; everything else it takes
        erp.stubFor(post(WMS_PATH).atPriority(1).withRequestBody(containing("\"value\":3,"))
                .withRequestBody(containing("LOT-ORDER"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        List<String> updates = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            updates.add(json(postBatch(ACME, ACME_SECRET, update("LOT-ORDER", i))).get("messageId").asText());
        }
        String otherKey = json(postBatch(ACME, ACME_SECRET, update("LOT-OTHER", 1))).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(wmsStatus(otherKey)).as("another key goes through").isEqualTo("DELIVERED");
            assertThat(wmsStatus(updates.get(1))).isEqualTo("DELIVERED");
            assertThat(wmsStatus(updates.get(2))).as("the failing update is retried").isEqualTo("RETRYING");
            assertThat(wmsStatus(updates.get(3))).as("later updates of its key wait").isEqualTo("HELD");
            assertThat(wmsStatus(updates.get(5))).isEqualTo("HELD");
        });

        erp.removeStub(erp.getStubMappings().stream().filter(s -> s.getPriority() != null && s.getPriority() == 1)
                .findFirst().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                updates.forEach(id -> assertThat(wmsStatus(id)).isEqualTo("DELIVERED")));

        List<Integer> accepted = new ArrayList<>();
        for (LoggedRequest request : erp.findAll(postRequestedFor(urlEqualTo(WMS_PATH))
                .withRequestBody(containing("LOT-ORDER")))) {
            accepted.add(quantityOf(request.getBodyAsString()));
        }
        // the journal lists requests as they arrived; update 3 was tried until it went through, then 4 came
        assertThat(accepted).as("update 3 was tried more than once").filteredOn(v -> v == 3).hasSizeGreaterThan(1);
        assertThat(accepted.subList(0, 2)).containsExactly(1, 2);
        assertThat(accepted.subList(accepted.size() - 4, accepted.size())).containsExactly(3, 4, 5, 6);
    }

    @Test
    void deliversToASubscriberInItsOwnFormatAndCharset() {
        erp.stubFor(post(ERP_PATH).willReturn(aResponse().withStatus(201)));

        String messageId = json(postBatch(ACME, ACME_SECRET, update("LOT-CSV", 7))).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> erp.verify(1, postRequestedFor(urlEqualTo("/qa/batches.csv"))
                .withHeader("Idempotency-Key", equalTo(messageId))
                .withHeader("Content-Type", equalTo("text/csv; charset=GBK"))));
        LoggedRequest csv = erp.findAll(postRequestedFor(urlEqualTo("/qa/batches.csv"))
                .withHeader("Idempotency-Key", equalTo(messageId))).get(0);
        String text = new String(csv.getBody(), java.nio.charset.Charset.forName("GBK"));
        assertThat(text).startsWith("批号,物料号").contains("LOT-CSV").contains("生产中");
    }

    private String wmsStatus(String messageId) {
        for (JsonNode stage : message(messageId).get("stages")) {
            if ("wms".equals(stage.path("subscriber").asText())) {
                return stage.get("status").asText();
            }
        }
        return "NONE";
    }

    private static int quantityOf(String envelope) {
        try {
            return JSON.readTree(envelope).at("/payload/quantity/value").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Update n of a lot: same business key, its own record id, the quantity says which update it is. */
    private static String update(String lot, int n) {
        return """
                {"recordId": "%s-%d", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "%s",
                 "state": "生产中", "qty": %d, "uom": "EA"}""".formatted(lot, n, lot, n);
    }
}
