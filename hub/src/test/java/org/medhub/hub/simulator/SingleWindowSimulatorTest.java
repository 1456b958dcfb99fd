package org.medhub.hub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.connectors.customs.ChinaSingleWindow;
import org.medhub.connectors.customs.Receipt;
import org.medhub.connectors.customs.XmlSignatures;
import org.medhub.routes.customs.CustomsBundle;

/** The simulated single window takes only what the registered key signed, once per ClientSeqNo, and answers to clearance. */
class SingleWindowSimulatorTest {

    private static final ChinaSingleWindow DIALECT = new ChinaSingleWindow();
    private static KeyPair declarant;
    private static KeyPair someoneElse;
    private static byte[] unsigned;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<byte[]> receipts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keysAndADeclaration() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        declarant = rsa.generateKeyPair();
        someoneElse = rsa.generateKeyPair();
        CustomsBundle bundle = CustomsBundle.read(CanonicalJson.mapper().readTree(Files.readString(
                Path.of("../routes/src/test/resources/customs/bundle.json"), StandardCharsets.UTF_8)));
        unsigned = DIALECT.render(bundle.declaration());
    }

    @Test
    void aSignedDeclarationSentTwiceIsOneDeclarationAnsweredFromReceiptToClearance() throws Exception {
        try (SingleWindowSimulator window = new SingleWindowSimulator(declarant.getPublic(), receipts::add,
                Duration.ofMillis(20), "/api/declarations")) {
            byte[] signed = XmlSignatures.sign(unsigned, declarant);

            assertThat(send(window, signed).statusCode()).isEqualTo(200);
            assertThat(send(window, signed).statusCode()).isEqualTo(200);

            assertThat(window.declarations()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> receipts.size() == 4);
            List<Receipt> read = receipts.stream().map(DIALECT::readReceipt).toList();
            assertThat(read).extracting(Receipt::status).containsExactly("SUBMITTED", "ACCEPTED", "RELEASED", "CLEARED");
            assertThat(read).extracting(Receipt::clientSeqNo).containsOnly("CS20261204001");
            assertThat(read.get(1).entryId()).hasSize(18);
        }
    }

    @Test
    void aTamperedDeclarationOrOneSignedByAnotherKeyIsRefusedAndNotKept() throws Exception {
        try (SingleWindowSimulator window = new SingleWindowSimulator(declarant.getPublic(), receipts::add,
                Duration.ofMillis(20), "/api/declarations")) {
            String signed = new String(XmlSignatures.sign(unsigned, declarant), StandardCharsets.UTF_8);
            String tampered = signed.replaceFirst("<DeclTotal>[0-9.]+</DeclTotal>", "<DeclTotal>1.00</DeclTotal>");
            assertThat(tampered).isNotEqualTo(signed);

            HttpResponse<String> changed = send(window, tampered.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> foreign = send(window, XmlSignatures.sign(unsigned, someoneElse));
            HttpResponse<String> bare = send(window, unsigned);

            assertThat(changed.statusCode()).isEqualTo(400);
            assertThat(changed.body()).startsWith("signature refused");
            assertThat(foreign.statusCode()).isEqualTo(400);
            assertThat(bare.statusCode()).isEqualTo(400);
            assertThat(window.declarations()).isZero();
            assertThat(receipts).isEmpty();
        }
    }

    private HttpResponse<String> send(SingleWindowSimulator window, byte[] document) throws Exception {
        return http.send(HttpRequest.newBuilder(window.url("/api/declarations")).header("Idempotency-Key", "CS20261204001")
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
