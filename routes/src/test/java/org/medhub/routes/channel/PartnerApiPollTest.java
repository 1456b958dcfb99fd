package org.medhub.routes.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.transport.Secret;

/** The poll route against a partner API stand-in (the JDK's HTTP server on a free port). */
class PartnerApiPollTest {

    private final ChannelTestSupport.Ingest ingest = new ChannelTestSupport.Ingest();
    private final ChannelTestSupport.MemoryCheckpoints checkpoints = new ChannelTestSupport.MemoryCheckpoints();
    /** Answers by the query string the hub sent; anything not listed is a 500. */
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer api;
    private CamelContext camel;
    private ChannelRoutes channels;

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/records", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            requests.add(query + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String page = pages.get(query);
            byte[] body = (page == null ? "{\"error\":\"down\"}" : page).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(page == null ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new ChannelTestSupport.IngestErrors());
        camel.addRoutes(ingest);
        camel.addRoutes(new PollRouteTemplate());
        camel.start();
        channels = new ChannelRoutes(checkpoints, HttpClient.newHttpClient(), null);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        api.stop(0);
    }

    @Test
    void takesEveryPageAndAdvancesTheCursorPastRefusedRecords() throws IOException {
        pages.put("type=batch", """
                {"records": [{"lot": "A"}, {"lot": "B"}], "next": "c2"}""");
        pages.put("type=batch&since=c2", """
                {"records": [{"lot": "C"}], "next": "c3"}""");
        pages.put("type=batch&since=c3", """
                {"records": [], "next": "c3"}""");
        ingest.verdict = body -> body.contains("\"B\"") ? ChannelTestSupport.invalid("gtin") : null;

        channels.add(camel, poll("$.next", null, PartnerApi.Auth.bearer(new Secret("token-1"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> "c3".equals(checkpoints.stored.get("acme/api")));
        assertThat(ingest.received).startsWith("acme/batch-record:{\"lot\":\"A\"}", "acme/batch-record:{\"lot\":\"B\"}",
                "acme/batch-record:{\"lot\":\"C\"}");
        assertThat(checkpoints.advances).startsWith("c2", "c3");
        assertThat(requests).first().isEqualTo("type=batch Bearer token-1");
    }

    @Test
    void resumesFromTheStoredCheckpointAndLeavesItWhenTheApiAnswers500() {
        checkpoints.stored.put("acme/api", "c7");
        // nothing is listed for since=c7: the API answers 500

        channels.add(camel, poll("$.next", null, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() >= 2);
        assertThat(requests).allMatch(r -> r.startsWith("type=batch&since=c7 "));
        assertThat(checkpoints.stored).containsEntry("acme/api", "c7");
        assertThat(checkpoints.advances).isEmpty();
        assertThat(ingest.received).isEmpty();
    }

    @Test
    void advancesARecordCheckpointToTheLastRecordStoredWhenTheHubFailsMidPage() {
        pages.put("type=batch", """
                {"records": [{"lot": "A", "seq": 11}, {"lot": "B", "seq": 12}, {"lot": "C", "seq": 13}]}""");
        ingest.verdict = body -> body.contains("\"B\"") ? new IllegalStateException("Kafka is down") : null;

        channels.add(camel, poll(null, "$.seq", null));

        await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() >= 2);
        assertThat(checkpoints.advances).first().isEqualTo("11");
        assertThat(requests.get(1)).startsWith("type=batch&since=11 ");
        assertThat(ingest.received).doesNotContain("acme/batch-record:{\"lot\":\"C\",\"seq\":13}");
    }

    private InboundChannel poll(String cursor, String recordCursor, PartnerApi.Auth auth) {
        return new InboundChannel("acme", "api", "batch-record", new PartnerApi(
                URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/records?type=batch"),
                Duration.ofMillis(300), Duration.ofSeconds(5), "$.records", "since", cursor, recordCursor, null, auth, 10));
    }
}
