package org.medhub.hub.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner API the hub polls (WireMock): records are ingested, the checkpoint is kept in PostgreSQL,
 * a new route instance resumes from it, and a failing API leaves it where it was.
 */
class PollChannelIT extends HubIntegrationTest {

    private static final String PARTNER = "poll-factory";
    private static final String PATH = "/v1/batch-records";
    private static final WireMockServer api = startApi();

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void stubErpAndForgetTheCheckpoint() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        api.resetAll();
        // a removed channel keeps its checkpoint (put back, it resumes): each test starts without one
        jdbc.update("delete from channel_checkpoint where partner = ?", PARTNER);
    }

    @AfterEach
    void removePartner() {
        removePartnerFile(PARTNER);
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        assertThat(api.findAllUnmatchedRequests()).as("requests the partner API did not expect").isEmpty();
    }

    @AfterAll
    static void stopApi() {
        api.stop();
    }

    @Test
    void ingestsEveryRecordAdvancesThePersistedCheckpointAndResumesFromItAfterARestart() {
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", absent()).willReturn(okJson(page("c1",
                acmeBatch("POLL-1", "LOT-POLL-1"),
                "{\"recordId\": \"POLL-BAD\", \"product\": {\"gtin\": \"09506000134352\"}, \"state\": \"放行\"}"))));
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c1")).willReturn(okJson(page("c1"))));

        addPartner("500ms");

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(checkpoint()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("01/09506000134352/10/LOT-POLL-1")).isEqualTo("DELIVERED"));
        JsonNode failed = json(get("/api/messages?status=FAILED&partner=" + PARTNER, "admin", ADMIN_PASSWORD));
        assertThat(failed.get("count").asInt()).as("the refused record is in the ledger").isEqualTo(1);
        api.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer poll-it-token")));
        int fromTheStart = api.countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("since", absent()).build()).getCount();

        // a changed channel is a new route instance: it starts from the stored checkpoint, not from the start
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c1")).willReturn(okJson(page("c2",
                acmeBatch("POLL-2", "LOT-POLL-2")))));
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c2")).willReturn(okJson(page("c2"))));
        var reload = addPartner("400ms");
        assertThat(json(reload).get("changed").toString()).contains(PARTNER);

        await().atMost(Duration.ofSeconds(30)).until(() -> "c2".equals(checkpoint()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("01/09506000134352/10/LOT-POLL-2")).isEqualTo("DELIVERED"));
        assertThat(api.countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("since", absent()).build()).getCount()).isEqualTo(fromTheStart);
    }

    @Test
    void leavesTheCheckpointWhereItWasWhileThePartnerApiAnswers500() {
        jdbc.update("insert into channel_checkpoint (partner, channel, checkpoint, updated_at) values (?, 'api', 'c9', now())",
                PARTNER);
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c9"))
                .willReturn(aResponse().withStatus(500).withBody("database locked")));

        addPartner("200ms");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("since", equalTo("c9")).build()).getCount() >= 3);
        assertThat(checkpoint()).isEqualTo("c9");

        // once the API is back, polling goes on from the same checkpoint
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c9")).willReturn(okJson(page("c10",
                acmeBatch("POLL-3", "LOT-POLL-3")))));
        api.stubFor(WireMock.get(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c10")).willReturn(okJson(page("c10"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "c10".equals(checkpoint()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("01/09506000134352/10/LOT-POLL-3")).isEqualTo("DELIVERED"));
    }

    private java.net.http.HttpResponse<String> addPartner(String interval) {
        writePartnerFile(PARTNER, batchPartner(PARTNER, """
                channels:
                  api:
                    type: poll
                    messageType: batch-record
                    url: %s%s
                    interval: %s
                    auth: { bearer: env:IT_POLL_TOKEN }
                    checkpoint: { param: since, from: $.next }
                """.formatted(api.baseUrl(), PATH, interval)));
        var reload = reloadPartners();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        return reload;
    }

    private String checkpoint() {
        List<String> found = jdbc.queryForList("select checkpoint from channel_checkpoint where partner = ? and channel = 'api'",
                String.class, PARTNER);
        return found.isEmpty() ? null : found.get(0);
    }

    private String status(String businessKey) {
        JsonNode messages = json(get("/api/messages?businessKey=" + businessKey, "admin", ADMIN_PASSWORD)).get("messages");
        return messages.isEmpty() ? null : messages.get(0).get("status").asText();
    }

    private static String page(String next, String... records) {
        return "{\"records\": [" + String.join(",", records) + "], \"next\": \"" + next + "\"}";
    }

    private static WireMockServer startApi() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
