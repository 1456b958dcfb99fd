package org.medhub.hub.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medhub.hub.HubIntegrationTest;

/**
 * Input that once made the hub answer 503 "send it again later", so that a partner retried it for ever: each is
 * refused with a problem naming it, its dead letter is written, and the hub goes on delivering.
 */
class BadInputIT extends HubIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            null        | the document is null
            42          | the document is a single number
            "a string"  | the document is a single string
            true        | the document is a single boolean
            """)
    void refusesAJsonDocumentThatIsNoRecordAndKeepsItsDeadLetter(String body, String named) throws Exception {
        var response = postBatch(ACME, ACME_SECRET, body);

        assertProblem(response, 400, "malformed-record");
        assertThat(json(response).get("detail").asText()).contains(named).contains("a record is a JSON object");
        String messageId = json(response).get("messageId").asText();
        assertThat(message(messageId).get("status").asText()).isEqualTo("FAILED");
        JsonNode letter = deadLetter(messageId);
        assertThat(letter).as("the dead letter of " + messageId).isNotNull();
        assertThat(letter.get("stage").asText()).isEqualTo("MAPPED");
        assertThat(letter.get("bytesKept").asText()).isEqualTo("INLINE");
        assertThat(Base64.getDecoder().decode(letter.get("bytes").asText())).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertStillDelivers();
    }

    @Test
    void refusesABodyNearTheSizeLimitAndKeepsItsBytesAtTheRawRecordItsDeadLetterNames() throws Exception {
        // 900 KB: base64 in a dead letter, it was larger than Kafka's 1 MiB, so no dead letter could be written
        byte[] body = ("{\"recordId\": \"R-BIG\", \"pad\": \"" + "x".repeat(900 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        var response = postBytes("/api/inbound/acme-factory/batch-record", ACME, ACME_SECRET, body);

        assertProblem(response, 422, "invalid-record");
        String messageId = json(response).get("messageId").asText();
        JsonNode letter = deadLetter(messageId);
        assertThat(letter).as("the dead letter of " + messageId).isNotNull();
        assertThat(letter.get("bytesKept").asText()).isEqualTo("AT_ORIGIN");
        assertThat(letter.has("bytes")).isFalse();
        assertThat(letter.get("bytesLength").asInt()).isEqualTo(body.length);
        assertThat(letter.get("bytesSha256").asText()).isEqualTo(sha256(body));
        JsonNode origin = letter.get("origin");
        assertThat(origin.get("topic").asText()).isEqualTo("medhub.raw.acme-factory");
        byte[] atOrigin = readAll(origin.get("topic").asText()).stream()
                .filter(r -> r.partition() == origin.get("partition").asInt() && r.offset() == origin.get("offset").asLong())
                .findFirst().orElseThrow().value();
        assertThat(sha256(atOrigin)).as("the bytes the dead letter points at").isEqualTo(sha256(body));
        assertStillDelivers();
    }

    @Test
    void refusesAMessageTypeLongerThanTheLedgerKeepsWithAProblem() {
        String longType = "t".repeat(300);

        var unknown = postBytes("/api/inbound/acme-factory/" + longType, ACME, ACME_SECRET,
                acmeBatch("R-LONG", "LOT-LONG").getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        var tooLarge = postBytes("/api/inbound/acme-factory/" + longType, ACME, ACME_SECRET, huge);

        assertProblem(unknown, 404, "unknown-message-type");
        assertThat(json(unknown).get("detail").asText()).contains("(300 characters)").contains("[batch-record]");
        JsonNode ledger = message(json(unknown).get("messageId").asText());
        assertThat(ledger.get("status").asText()).isEqualTo("FAILED");
        assertThat(ledger.get("messageType").asText()).hasSizeLessThanOrEqualTo(100).startsWith("tttt");
        assertThat(deadLetter(json(unknown).get("messageId").asText())).isNotNull();
        assertProblem(tooLarge, 413, "body-too-large");
        JsonNode letter = deadLetter(json(tooLarge).get("messageId").asText());
        assertThat(letter.get("bytesKept").asText()).isEqualTo("NOT_KEPT");
        assertStillDelivers();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asText()).isEqualTo("urn:medhub:problem:" + type);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
