package org.medhub.hub.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/** Finding messages as people do: by a lot or a UDI in any written form, in a time range, a page at a time. */
class MessageSearchIT extends HubIntegrationTest {

    @BeforeEach
    void erpAccepts() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void findsAMessageByItsLotOrByItsUdiInEachWrittenForm() {
        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-SEARCH-1", "LOT-SEARCH-1"))).get("messageId").asText();

        for (String typed : List.of("LOT-SEARCH-1", "(01)09506000134352(17)291117(10)LOT-SEARCH-1",
                "https://id.gs1.org/01/09506000134352/10/LOT-SEARCH-1", "01/09506000134352/10/LOT-SEARCH-1")) {
            assertThat(list("key=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).get("messages")
                    .findValuesAsText("messageId")).as(typed).containsExactly(messageId);
        }
        assertThat(list("key=LOT-SEARCH").get("count").asInt()).as("a part of a lot is not a lot").isZero();
    }

    @Test
    void pagesThroughEveryMessageOfATimeRangeOnceNewestFirst() {
        Instant from = Instant.now();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(0, json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-PAGE-" + i, "LOT-PAGE-" + i))).get("messageId").asText());
        }

        List<String> seen = new ArrayList<>();
        String query = "partner=acme-factory&limit=2&receivedFrom=" + from;
        JsonNode page = list(query);
        while (true) {
            seen.addAll(page.get("messages").findValuesAsText("messageId"));
            if (!page.has("next")) {
                break;
            }
            page = list(query + "&before=" + URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8));
        }

        assertThat(seen).isEqualTo(sent);
        assertThat(list("partner=acme-factory&receivedUntil=" + from + "&receivedFrom=" + from).get("count").asInt()).isZero();
        var bad = get("/api/messages?before=yesterday", "admin", ADMIN_PASSWORD);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asText()).contains("before");
    }

    private JsonNode list(String query) {
        var response = get("/api/messages?" + query, "admin", ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
