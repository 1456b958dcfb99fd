package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.routes.delivery.DeliveryRouteTemplate;
import org.medhub.routes.kafka.Topics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A subscription with {@code batch: 20} (the archive): many envelopes in one request as a JSON array,
 * each delivered once, and a failing request holds only the later messages of its keys.
 */
class BatchedSubscriptionIT extends HubIntegrationTest {

    private static final String ARCHIVE_PATH = "/archive/batches";
    private static final String ARCHIVE_ROUTE = DeliveryRouteTemplate.routeId("archive", Topics.canonical("batch"));

    @Autowired
    CamelContext camel;

    @Test
    void sendsTheRecordsThatWaitedAsArraysOfAtMostTheBatchSizeEachRecordOnce() throws Exception {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        List<String> sent = new ArrayList<>();
        // with the archive's route stopped, the records wait on the canonical topic and then come as one batch
        camel.getRouteController().stopRoute(ARCHIVE_ROUTE);
        try {
            for (int i = 1; i <= 30; i++) {
                sent.add(json(postBatch(ACME, ACME_SECRET, update("LOT-ARC-" + i, i))).get("messageId").asText());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    sent.forEach(id -> assertThat(message(id).get("canonical")).isNotNull()));
        } finally {
            camel.getRouteController().startRoute(ARCHIVE_ROUTE);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                sent.forEach(id -> assertThat(archiveStatus(id)).isEqualTo("DELIVERED")));
        List<LoggedRequest> requests = erp.findAll(postRequestedFor(urlEqualTo(ARCHIVE_PATH)));
        List<String> delivered = new ArrayList<>();
        for (LoggedRequest request : requests) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.isArray()).as("a batched subscription gets an array").isTrue();
            assertThat(body.size()).isBetween(1, 20);
            assertThat(request.getHeader("Idempotency-Key")).startsWith("batch-");
            body.forEach(envelope -> delivered.add(envelope.get("messageId").asText()));
        }
        assertThat(delivered).as("every record once").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(requests).as("records that waited together go together").hasSizeLessThan(sent.size());
    }

    @Test
    void aFailingRequestHoldsTheLaterUpdatesOfItsKeyAndLetsOtherKeysThroughInOrder() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        // the archive fails any request that carries update 2 of LOT-ARC-ORDER until the test lets it through
        erp.stubFor(post(ARCHIVE_PATH).atPriority(1).withRequestBody(containing("LOT-ARC-ORDER"))
                .withRequestBody(containing("\"value\":2,"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        List<String> updates = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            updates.add(json(postBatch(ACME, ACME_SECRET, update("LOT-ARC-ORDER", i))).get("messageId").asText());
        }
        String otherKey = json(postBatch(ACME, ACME_SECRET, update("LOT-ARC-OTHER", 1))).get("messageId").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(archiveStatus(otherKey)).as("another key goes through").isEqualTo("DELIVERED");
            assertThat(archiveStatus(updates.get(0))).isEqualTo("DELIVERED");
            assertThat(archiveStatus(updates.get(1))).as("the failing update is retried").isEqualTo("RETRYING");
            assertThat(archiveStatus(updates.get(2))).as("later updates of its key wait").isEqualTo("HELD");
            assertThat(archiveStatus(updates.get(3))).isEqualTo("HELD");
        });

        erp.removeStub(erp.getStubMappings().stream().filter(s -> s.getPriority() != null && s.getPriority() == 1)
                .findFirst().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                updates.forEach(id -> assertThat(archiveStatus(id)).isEqualTo("DELIVERED")));

        List<Integer> accepted = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(erp.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        for (ServeEvent event : events) {
            if (event.getRequest().getUrl().equals(ARCHIVE_PATH) && event.getResponseDefinition().getFault() == null) {
                accepted.addAll(quantitiesOf(event.getRequest().getBodyAsString(), "LOT-ARC-ORDER"));
            }
        }
        assertThat(accepted).as("each update of the key accepted once, in order").containsExactly(1, 2, 3, 4);
    }

    private String archiveStatus(String messageId) {
        for (JsonNode stage : message(messageId).get("stages")) {
            if ("archive".equals(stage.path("subscriber").asText())) {
                return stage.get("status").asText();
            }
        }
        return "NONE";
    }

    private static List<Integer> quantitiesOf(String body, String lot) {
        try {
            List<Integer> quantities = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode envelope : JSON.readTree(body)) {
                if (lot.equals(envelope.at("/payload/lot").asText()) && seen.add(envelope.get("messageId").asText())) {
                    quantities.add(envelope.at("/payload/quantity/value").asInt());
                }
            }
            return quantities;
        } catch (IOException e) {
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
