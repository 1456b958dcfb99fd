package org.medhub.hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error answers {@code application/problem+json} naming what was wrong: requests refused by the
 * container or the firewall before any controller sees them, bodies of the wrong shape, and free text (reasons)
 * too long or with characters the hub cannot keep. Requests are written by hand on a socket, so that nothing
 * tidies the path on the way.
 */
class ErrorPathsIT extends HubIntegrationTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/api/messages/../partners/reload", "/api/messages/x/..;/y", "/api/messages;jsessionid=1", "//api/messages",
        "/api//messages", "/api/messages/%0d%0aSet-Cookie:x", "/api/messages/a%2Fb", "/api/messages/a%00b",
        "/api/messages/%2e%2e/x", "/api/messages/%5c..%5cx", "/api/no-such-thing", "/api/messages?status=%00"})
    void answersARequestRefusedBeforeAnyControllerWithAProblem(String target) throws IOException {
        RawResponse response = request("GET", target, "admin", ADMIN_PASSWORD, null, null);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertIsProblem(response);
        assertStillDelivers();
    }

    @Test
    void answersAnUrlLongerThanTheContainerReadsWithAProblem() throws IOException {
        RawResponse response = request("GET", "/api/messages/" + "a".repeat(9000), "admin", ADMIN_PASSWORD, null, null);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertIsProblem(response);
        assertStillDelivers();
    }

    @Test
    void namesTheFieldOfAJsonValueOfTheWrongType() throws IOException {
        RawResponse text = request("POST", "/api/replays", "admin", ADMIN_PASSWORD, "application/json",
                "{\"from\": \"raw\", \"partner\": \"acme-factory\", \"rate\": \"fast\"}");
        RawResponse fraction = request("POST", "/api/replays", "admin", ADMIN_PASSWORD, "application/json",
                "{\"from\": \"raw\", \"partner\": \"acme-factory\", \"rate\": 1.5}");
        RawResponse list = request("POST", "/api/replays", "admin", ADMIN_PASSWORD, "application/json",
                "{\"from\": \"raw\", \"messageIds\": \"not-a-list\"}");
        RawResponse broken = request("POST", "/api/replays", "admin", ADMIN_PASSWORD, "application/json", "{\"from\": ");

        assertThat(text.status()).isEqualTo(400);
        assertThat(detail(text)).contains("rate");
        assertThat(fraction.status()).as("a fractional rate is refused, not cut").isEqualTo(400);
        assertThat(detail(fraction)).contains("rate").contains("whole number");
        assertThat(list.status()).isEqualTo(400);
        assertThat(detail(list)).contains("messageIds");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(detail(broken)).contains("line 1");
        for (RawResponse response : new RawResponse[] {text, fraction, list, broken}) {
            assertIsProblem(response);
        }
        assertStillDelivers();
    }

    @Test
    void refusesAReasonWithANulCharacterNamingTheRule() throws IOException {
        RawResponse response = request("POST", "/api/deliveries/erp/no-such-message/stop", "admin", ADMIN_PASSWORD,
                "application/json", "{\"reason\": \"stuck\\u0000 for good\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertIsProblem(response);
        assertThat(detail(response)).contains("reason").contains("control characters").contains("U+0000");
        assertStillDelivers();
    }

    @Test
    void refusesAReasonLongerThanTheLimitAndABodyLargerThanTheApiTakes() throws IOException {
        RawResponse longReason = request("POST", "/api/deliveries/erp/no-such-message/skip", "admin", ADMIN_PASSWORD,
                "application/json", "{\"reason\": \"" + "why ".repeat(500) + "\"}");
        RawResponse huge = request("POST", "/api/deliveries/erp/no-such-message/skip", "admin", ADMIN_PASSWORD,
                "application/json", "{\"reason\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");

        assertThat(longReason.status()).as(longReason.toString()).isEqualTo(400);
        assertIsProblem(longReason);
        assertThat(detail(longReason)).contains("reason must be at most 1000 characters");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertIsProblem(huge);
        assertStillDelivers();
    }

    @Test
    void refusesControlCharactersInAReplayFilter() throws IOException {
        RawResponse response = request("POST", "/api/replays", "admin", ADMIN_PASSWORD, "application/json",
                "{\"from\": \"raw\", \"businessKey\": \"01/0950\\u0000\", \"dryRun\": true}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertIsProblem(response);
        assertThat(detail(response)).contains("businessKey");
        assertStillDelivers();
    }

    private static String detail(RawResponse response) {
        return json(response.body()).path("detail").asText();
    }

    private static void assertIsProblem(RawResponse response) {
        assertThat(response.headers().get("content-type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).as(response.toString()).isEqualTo(response.status());
        assertThat(problem.get("type").asText()).as(response.toString()).startsWith("urn:medhub:problem:");
        assertThat(problem.path("detail").asText()).as(response.toString()).isNotBlank();
    }

    record RawResponse(int status, Map<String, String> headers, String body) {}

    /** One HTTP/1.1 request with the target exactly as given. */
    private RawResponse request(String method, String target, String user, String password, String contentType,
            String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .append("Connection: close\r\n")
                    .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(content);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it has read a body it refuses
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer: what was read is the answer
        }
        return all.toByteArray();
    }

    private static RawResponse parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: " + text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new RawResponse(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // sizes count bytes; the bodies here are ASCII JSON or close to it
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
    }
}
