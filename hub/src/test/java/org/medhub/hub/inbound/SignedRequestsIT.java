package org.medhub.hub.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/**
 * Partners' requests signed with HMAC instead of sent with the password: a good one is taken; a forged, a stale, a
 * replayed one, or one signed by another partner, is refused with 401 and its reason, and the hub goes on delivering.
 */
class SignedRequestsIT extends HubIntegrationTest {

    private static final String PATH = "/api/inbound/" + ACME + "/batch-record";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void erpTakesBatches() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void aSignedRequestIsTakenAndTheSameRequestSentAgainIsARefusedReplay() throws Exception {
        byte[] body = acmeBatch("REC-HMAC-1", "LOT-HMAC-1").getBytes(StandardCharsets.UTF_8);
        String nonce = nonce();
        Instant now = Instant.now();

        HttpResponse<String> signed = send(PATH, body, now, nonce, sign(ACME_SECRET, now, nonce, PATH, body));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);

        HttpResponse<String> replayed = send(PATH, body, now, nonce, sign(ACME_SECRET, now, nonce, PATH, body));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(replayed.body()).get("detail").asText()).contains("used before");
    }

    @Test
    void aForgedAStaleAndAnotherPartnersSignatureAreRefusedWithTheirReason() throws Exception {
        byte[] body = acmeBatch("REC-HMAC-2", "LOT-HMAC-2").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        String nonce = nonce();
        byte[] changed = acmeBatch("REC-HMAC-2", "LOT-HMAC-OTHER").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tampered = send(PATH, changed, now, nonce, sign(ACME_SECRET, now, nonce, PATH, body));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(json(tampered.body()).get("detail").asText()).contains("does not match");

        nonce = nonce();
        Instant old = now.minus(Duration.ofMinutes(10));
        HttpResponse<String> stale = send(PATH, body, old, nonce, sign(ACME_SECRET, old, nonce, PATH, body));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(json(stale.body()).get("detail").asText()).contains("stale");

        nonce = nonce();
        HttpResponse<String> wrongKey = send(PATH, body, now, nonce, sign(BETA_SECRET, now, nonce, PATH, body));
        assertThat(wrongKey.statusCode()).as("BETA's key does not sign for ACME").isEqualTo(401);

        String betaPath = "/api/inbound/" + BETA + "/batch-record";
        nonce = nonce();
        HttpResponse<String> asAnother = send(betaPath, body, now, nonce, sign(ACME_SECRET, now, nonce, betaPath, body));
        assertThat(asAnother.statusCode()).as("ACME cannot post as BETA").isEqualTo(401);

        HttpResponse<String> malformed = send(PATH, body, now, "short", "v1=xyz");
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(json(malformed.body()).get("detail").asText()).contains("X-Medhub-Signature");

        assertStillDelivers();
    }

    private HttpResponse<String> send(String path, byte[] body, Instant at, String nonce, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Medhub-Timestamp", at.toString())
                .header("X-Medhub-Nonce", nonce)
                .header("X-Medhub-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a partner signs: HMAC-SHA256 under SHA-256 of its secret, over time, nonce, method, path and body hash. */
    private static String sign(String secret, Instant at, String nonce, String path, byte[] body) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signature = mac.doFinal(String.join("\n", at.toString(), nonce, "POST", path, bodyHash)
                .getBytes(StandardCharsets.UTF_8));
        return "v1=" + HexFormat.of().formatHex(signature);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
