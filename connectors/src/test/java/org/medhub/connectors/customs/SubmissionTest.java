package org.medhub.connectors.customs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.connectors.http.HttpTransport;
import org.medhub.connectors.transport.DeliveryFailedException;

/** A declaration sent to a single-window stub: signed, retried after a timeout under the same ClientSeqNo. */
class SubmissionTest {

    private static final Path SAMPLE = Path.of("../routes/src/test/resources/customs/bundle.json");

    private final WireMockServer singleWindow = new WireMockServer(options().dynamicPort());
    private KeyPair declarant;
    private Submission submission;

    @BeforeEach
    void start() throws Exception {
        singleWindow.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        declarant = generator.generateKeyPair();
        submission = new Submission(new ChinaSingleWindow(), declarant,
                new HttpTransport(HttpClient.newHttpClient(), Duration.ofMillis(500)), 3, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        singleWindow.stop();
    }

    @Test
    void aTimeoutIsRetriedWithTheSameDocumentUnderTheSameClientSeqNoSoTheWindowHoldsOneDeclaration() throws Exception {
        singleWindow.stubFor(post("/dec").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000)).willSetStateTo("answering"));
        singleWindow.stubFor(post("/dec").inScenario("slow").whenScenarioStateIs("answering")
                .willReturn(aResponse().withStatus(200)));

        Submission.Sent sent = submission.submit(declaration(), destination());

        assertThat(sent.attempts()).isEqualTo(2);
        List<LoggedRequest> received = singleWindow.findAll(postRequestedFor(urlEqualTo("/dec")));
        assertThat(received).hasSize(2);
        assertThat(received).extracting(r -> r.getHeader(HttpTransport.IDEMPOTENCY_KEY)).as("one declaration at the window")
                .containsOnly("CS20261204001");
        assertThat(received.get(0).getBody()).isEqualTo(received.get(1).getBody());
        assertThat(XmlSignatures.verify(received.get(1).getBody(), declarant.getPublic())).as("the window verifies it").isEmpty();
        assertThat(new String(received.get(1).getBody(), StandardCharsets.UTF_8)).contains("一次性使用无菌注射器");
    }

    @Test
    void aRefusalIsNotRetriedAndADocumentTheSchemaRefusesIsNeverSent() throws Exception {
        singleWindow.stubFor(post("/dec").willReturn(aResponse().withStatus(400).withBody("报文格式错误")));

        assertThatThrownBy(() -> submission.submit(declaration(), destination())).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("after 1 attempt(s)").hasMessageContaining("400");
        ObjectNode longAgentName = (ObjectNode) CanonicalJson.mapper().readTree(Files.readString(SAMPLE, StandardCharsets.UTF_8))
                .get("CustomsDeclaration");
        longAgentName.with("declarationAgent").put("name", "x".repeat(300)); // longer than DecHead/AgentName allows
        CustomsDeclaration tooLong = CanonicalJson.mapper().convertValue(longAgentName, CustomsDeclaration.class);
        assertThatThrownBy(() -> submission.submit(tooLong, destination())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not sent").hasMessageContaining("AgentName");
        assertThat(singleWindow.findAll(postRequestedFor(urlEqualTo("/dec")))).hasSize(1);
    }

    private HttpDestination destination() {
        return new HttpDestination(URI.create(singleWindow.baseUrl() + "/dec"));
    }

    private static CustomsDeclaration declaration() throws Exception {
        return CanonicalJson.mapper().convertValue(CanonicalJson.mapper().readTree(Files.readString(SAMPLE,
                StandardCharsets.UTF_8)).get("CustomsDeclaration"), CustomsDeclaration.class);
    }
}
