package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.routes.ledger.DeliveryCandidate;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryState;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries that go through at once are recorded by the subscriber's progress on the partition, not by
 * a row each; a message that was retried or held keeps its row, and its row wins over the progress.
 * (The last test speaks to the ledger directly: a message with a row is read again only after a crash.)
 */
class DeliveryProgressIT extends HubIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Ledger ledger;

    @Test
    void aDeliveryThatGoesThroughAtOnceWritesNoRowAndStillReadsDelivered() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        erp.stubFor(post("/wms/batches").willReturn(aResponse().withStatus(201)));
        String messageId = messageId(postBatch(ACME, ACME_SECRET, update("REC-PROGRESS-1", "LOT-PROGRESS-1", 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(stage(messageId, "wms").get("status").asText()).isEqualTo("DELIVERED");
        });
        assertThat(jdbc.queryForObject("select count(*) from delivery where message_id = ?", Integer.class, messageId))
                .as("no delivery row").isZero();
        JsonNode canonical = message(messageId).get("canonical");
        assertThat(jdbc.queryForObject("""
                select delivered_through from delivery_progress
                where subscriber = 'wms' and canonical_topic = ? and canonical_partition = ?""", Long.class,
                canonical.get("topic").asText(), canonical.get("partition").asInt()))
                .as("the WMS's progress passed it").isGreaterThanOrEqualTo(canonical.get("offset").asLong());
    }

    @Test
    void aRetriedMessageStaysUndeliveredBehindTheProgressUntilItsRowSaysSo() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        erp.stubFor(post("/wms/batches").willReturn(aResponse().withStatus(201)));
        StubMapping failing = erp.stubFor(post("/wms/batches").atPriority(1).withRequestBody(containing("REC-BEHIND-1"))
                .willReturn(aResponse().withStatus(503)));
        String retried = messageId(postBatch(ACME, ACME_SECRET, update("REC-BEHIND-1", "LOT-BEHIND", 1)));
        String held = messageId(postBatch(ACME, ACME_SECRET, update("REC-BEHIND-2", "LOT-BEHIND", 2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stage(retried, "wms").get("status").asText()).isEqualTo("RETRYING");
            assertThat(stage(held, "wms").get("status").asText()).isEqualTo("HELD");
        });
        String passing = messageId(postBatch(ACME, ACME_SECRET, update("REC-AHEAD-1", "LOT-AHEAD", 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(passing).get("status").asText()).as("another key goes on").isEqualTo("DELIVERED"));

        assertThat(message(retried).get("status").asText()).as("still owed to the WMS").isEqualTo("PUBLISHED");
        assertThat(message(held).get("status").asText()).isEqualTo("PUBLISHED");

        erp.removeStub(failing);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(message(retried).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(message(held).get("status").asText()).isEqualTo("DELIVERED");
        });
        assertThat(jdbc.queryForList("select status from delivery where subscriber = 'wms' and message_id in (?, ?)",
                String.class, retried, held)).as("their rows say so").containsExactly("DELIVERED", "DELIVERED");
    }

    @Test
    void aMessageReadAgainWithARowOfItsOwnHasItsRowUpdatedAndOneWithoutGetsNone() {
        KafkaLocation first = new KafkaLocation("medhub.canonical.progress-test", 0, 7);
        KafkaLocation second = new KafkaLocation("medhub.canonical.progress-test", 0, 8);
        ledger.recordDeliveries("wms", List.of(new DeliveryOutcome("progress-row-1", "KEY-ROW", first,
                DeliveryStatus.PENDING, 0, null, "wms no longer subscribes to Batch", null, null)), Set.of());

        DeliveryState read = ledger.deliveryState("wms", List.of(new DeliveryCandidate("progress-row-1", "KEY-ROW", first),
                new DeliveryCandidate("progress-row-2", "KEY-NO-ROW", second)));
        assertThat(read.withRows()).containsExactly("progress-row-1");
        assertThat(read.settled()).as("a row wins over the progress, which passed the first").isEmpty();

        ledger.recordDeliveries("wms", List.of(
                new DeliveryOutcome("progress-row-1", "KEY-ROW", first, DeliveryStatus.DELIVERED, 1, 201, null, null, null),
                new DeliveryOutcome("progress-row-2", "KEY-NO-ROW", second, DeliveryStatus.DELIVERED, 1, 201, null, null, null)),
                read.withRows());
        assertThat(jdbc.queryForList("select message_id || ' ' || status from delivery where subscriber = 'wms'"
                + " and message_id like 'progress-row-%'", String.class)).containsExactly("progress-row-1 DELIVERED");
        assertThat(ledger.deliveryState("wms", List.of(new DeliveryCandidate("progress-row-1", "KEY-ROW", first),
                new DeliveryCandidate("progress-row-2", "KEY-NO-ROW", second))).settled())
                .containsExactlyInAnyOrder("progress-row-1", "progress-row-2");
    }

    private JsonNode stage(String messageId, String subscriber) {
        for (JsonNode stage : message(messageId).get("stages")) {
            if (subscriber.equals(stage.path("subscriber").asText())) {
                return stage;
            }
        }
        return JSON.createObjectNode().put("status", "NONE");
    }

    private static String messageId(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("messageId").asText();
    }

    private static String update(String recordId, String lot, int quantity) {
        return """
                {"recordId": "%s", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "%s",
                 "state": "生产中", "qty": %d, "uom": "EA"}""".formatted(recordId, lot, quantity);
    }
}
