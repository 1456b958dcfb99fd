package org.medhub.hub.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/** Replays after a mapping fix, to one subscriber, as a dry run, in bulk, stopped, and when the bytes are gone. */
class ReplayIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final String GAMMA = "gamma-factory";
    private static final String GAMMA_SECRET = "gamma-it-secret";

    @BeforeEach
    void subscribersAccept() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void mapsARefusedRecordAgainAfterItsMappingIsFixed() {
        gamma("生产中: IN_PRODUCTION");
        HttpResponse<String> refused = postBytes("/api/inbound/gamma-factory/batch-record", GAMMA, GAMMA_SECRET,
                record("LOT-REPLAY-RAW", "待检").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        String original = json(refused).get("messageId").asText();

        gamma("生产中: IN_PRODUCTION, 待检: QUARANTINE");
        JsonNode plan = json(replay("""
                {"from": "raw", "messageIds": ["%s"], "dryRun": true}""".formatted(original)));
        assertThat(plan.at("/messages/0/outcome").asText()).isEqualTo("WOULD_REPLAY");
        assertThat(plan.at("/messages/0/wouldPublish/0/record/status").asText()).isEqualTo("QUARANTINE");
        erp.verify(0, postRequestedFor(urlEqualTo("/erp/batches")).withRequestBody(containing("LOT-REPLAY-RAW")));

        JsonNode item = finished(replay("""
                {"from": "raw", "messageIds": ["%s"]}""".formatted(original))).at("/items/0");

        assertThat(item.get("outcome").asText()).isEqualTo("REPLAYED");
        String replayed = item.get("new_message_id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(replayed).get("status").asText()).isEqualTo("DELIVERED"));
        assertThat(message(replayed).get("causedBy").asText()).as("linked to its original").isEqualTo(original);
        assertThat(message(original).get("status").asText()).as("no longer among the failed").isEqualTo("REPLAYED");
        erp.verify(1, postRequestedFor(urlEqualTo("/erp/batches")).withHeader("Idempotency-Key", equalTo(replayed))
                .withRequestBody(containing("QUARANTINE")));
    }

    @Test
    void deliversAgainToOneSubscriberOnlyWhenForced() {
        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REPLAY-CAN", "LOT-REPLAY-CAN"))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));

        JsonNode skipped = finished(replay("""
                {"from": "canonical", "messageIds": ["%s"], "subscriber": "wms"}""".formatted(messageId)));
        assertThat(skipped.at("/items/0/outcome").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.at("/items/0/detail").asText()).contains("already has it");

        JsonNode forced = finished(replay("""
                {"from": "canonical", "messageIds": ["%s"], "subscriber": "wms", "force": true,
                 "signature": {"password": "%s", "meaning": "RESPONSIBILITY"}}""".formatted(messageId, ADMIN_PASSWORD)));
        assertThat(forced.at("/items/0/outcome").asText()).isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("select request::text from replay where id = ?", String.class,
                forced.get("id").asLong())).as("the signature's password is never kept").doesNotContain(ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                erp.verify(2, postRequestedFor(urlEqualTo("/wms/batches")).withHeader("Idempotency-Key", equalTo(messageId))));
        erp.verify(1, postRequestedFor(urlEqualTo("/erp/batches")).withHeader("Idempotency-Key", equalTo(messageId)));
    }

    @Test
    void stopsABulkReplayAndSaysWhenTheBytesAreGone() throws Exception {
        gamma("生产中: IN_PRODUCTION, 待检: QUARANTINE");
        for (int i = 0; i < 8; i++) {
            assertThat(postBytes("/api/inbound/gamma-factory/batch-record", GAMMA, GAMMA_SECRET,
                    record("LOT-BULK-" + i, "生产中").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        }
        deleteAllRawRecordsOf(GAMMA);

        long id = json(replay("""
                {"from": "raw", "partner": "gamma-factory", "rate": 2}""")).get("replayId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(id).get("done").asInt() >= 1);
        assertThat(postBytes("/api/replays/" + id + "/stop", "admin", ADMIN_PASSWORD, new byte[0]).statusCode()).isEqualTo(200);

        JsonNode stopped = progress(id);
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("done").asInt()).isLessThan(stopped.get("total").asInt());
        assertThat(stopped.get("items")).allSatisfy(item -> {
            assertThat(item.get("outcome").asText()).isEqualTo("GONE");
            assertThat(item.get("detail").asText()).contains("no longer kept");
        });
    }

    @Test
    void refusesAReplayThatSaysNothingAboutWhatToReplay() {
        HttpResponse<String> response = replay("{\"from\": \"canonical\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("subscriber").contains("say what to replay");
    }

    @Test
    void refusesToForceAReplayWithoutTheOperatorsSignature() {
        HttpResponse<String> unsigned = replay("""
                {"from": "canonical", "messageIds": ["m-1"], "subscriber": "wms", "force": true}""");
        HttpResponse<String> wrongPassword = replay("""
                {"from": "canonical", "messageIds": ["m-1"], "subscriber": "wms", "force": true,
                 "signature": {"password": "guessed", "meaning": "RESPONSIBILITY"}}""");

        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
        assertThat(json(unsigned).get("type").asText()).endsWith("signature-required");
        assertThat(wrongPassword.statusCode()).as(wrongPassword.body()).isEqualTo(403);
    }

    @Test
    void refusesAReplayNamingAnUnknownSubscriberOrStatusAsTheMessageListDoes() {
        HttpResponse<String> unknownSubscriber = replay("{\"from\": \"canonical\", \"subscriber\": \"nobody\", \"partner\": \"acme-factory\"}");
        HttpResponse<String> unknownStatus = replay("{\"from\": \"raw\", \"status\": \"LOST\"}");

        assertThat(unknownSubscriber.statusCode()).as(unknownSubscriber.body()).isEqualTo(400);
        assertThat(json(unknownSubscriber).get("detail").asText()).contains("'nobody' is not a partner with subscriptions")
                .contains("erp");
        assertThat(unknownStatus.statusCode()).as(unknownStatus.body()).isEqualTo(400);
        assertThat(json(unknownStatus).get("detail").asText()).contains("status 'LOST' is not one of");
        assertStillDelivers();
    }

    private void gamma(String codes) {
        writePartnerFile(GAMMA, """
                id: gamma-factory
                kind: CONTRACT_MANUFACTURER
                credential: env:IT_GAMMA_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: gamma-batch-record
                      version: 1
                      entity: Batch
                      fields:
                        gtin: $.gtin
                        lot: $.lot
                        materialNumber: $.item
                        status: { path: $.state, codes: { %s } }
                """.formatted(codes));
        reloadPartners();
    }

    private static String record(String lot, String state) {
        return """
                {"gtin": "09506000134352", "lot": "%s", "item": "CATH-7F-110", "state": "%s"}""".formatted(lot, state);
    }

    private HttpResponse<String> replay(String request) {
        return postBytes("/api/replays", "admin", ADMIN_PASSWORD, request.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode finished(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json(started).get("replayId").asLong();
        return await().atMost(Duration.ofSeconds(30)).until(() -> progress(id), p -> "DONE".equals(p.get("status").asText()));
    }

    private JsonNode progress(long id) {
        return json(get("/api/replays/" + id, "admin", ADMIN_PASSWORD));
    }

    private void deleteAllRawRecordsOf(String partner) throws Exception {
        String topic = "medhub.raw." + partner;
        try (Admin admin = Admin.create(kafkaClient(Map.of()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) ->
                    delete.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(delete).all().get();
        }
    }
}
