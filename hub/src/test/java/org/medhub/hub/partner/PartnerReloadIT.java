package org.medhub.hub.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** Partner files changed while the hub runs: a valid configuration is put in force at once, an invalid one refused whole. */
class PartnerReloadIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.medhub.hub.audit.AuditTrail audit;

    private static final String NEW_FACTORY = "gamma-factory";
    private static final String NEW_SUBSCRIBER = "lims";
    private static final WireMockServer lims = startLims();

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @BeforeEach
    void stubSubscribers() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        lims.resetAll();
        lims.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201)));
    }

    @AfterEach
    void restoreTheConfiguration() {
        removePartnerFile(NEW_FACTORY);
        removePartnerFile(NEW_SUBSCRIBER);
        removePartnerFile("broken");
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopLims() {
        lims.stop();
    }

    @Test
    void putsANewPartnerAndANewSubscriberInForceWithoutARestart() {
        assertThat(postBatch(NEW_FACTORY, ACME_SECRET, acmeBatch("G-0", "LOT-G-0")).statusCode())
                .as("not a partner yet").isEqualTo(401);
        writePartnerFile(NEW_FACTORY, batchPartner(NEW_FACTORY, ""));
        writePartnerFile(NEW_SUBSCRIBER, """
                id: lims
                kind: LIMS
                subscriptions:
                  - entity: Batch
                    url: %s/lims/batches
                    resilience: it-delivery
                """.formatted(lims.baseUrl()));

        HttpResponse<String> reload = reloadPartners();

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(json(reload).get("added").toString()).contains(NEW_FACTORY).contains(NEW_SUBSCRIBER);
        assertThat(json(reload).get("unchanged").toString()).contains(ACME).contains("erp");
        assertThat(json(reload).get("failures")).isEmpty();
        HttpResponse<String> posted = postBatch(NEW_FACTORY, ACME_SECRET, acmeBatch("G-1", "LOT-G-1"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String messageId = json(posted).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        assertThat(message(messageId).get("stages").findValuesAsText("subscriber")).contains("erp", NEW_SUBSCRIBER);
        lims.verify(postRequestedFor(urlEqualTo("/lims/batches")).withHeader("Idempotency-Key", equalTo(messageId)));

        removePartnerFile(NEW_FACTORY);
        HttpResponse<String> removed = reloadPartners();
        assertThat(json(removed).get("removed").toString()).contains(NEW_FACTORY);
        assertThat(postBatch(NEW_FACTORY, ACME_SECRET, acmeBatch("G-2", "LOT-G-2")).statusCode())
                .as("a removed partner can no longer post").isEqualTo(401);
    }

    @Test
    void refusesAnInvalidConfigurationWithEveryProblemAndKeepsTheOneInForce() {
        writePartnerFile(NEW_FACTORY, batchPartner(NEW_FACTORY, ""));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        Path broken = writePartnerFile("broken", """
                id: broken
                kind: FACTORY
                channels:
                  drop: { type: file, messageType: batch-record }
                """);
        writePartnerFile(NEW_FACTORY, batchPartner(NEW_FACTORY, "colour: blue\n"));

        HttpResponse<String> reload = reloadPartners();

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(422);
        assertThat(reload.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(reload);
        assertThat(problem.get("type").asText()).isEqualTo("urn:medhub:problem:invalid-partner-configuration");
        assertThat(problem.get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).isEqualTo(broken.toString());
            assertThat(p.get("key").asText()).isEqualTo("kind");
            assertThat(p.get("rule").asText()).isEqualTo("enum");
        });
        assertThat(problem.get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).isEqualTo(broken.toString());
            assertThat(p.get("key").asText()).isEqualTo("channels.drop.messageType");
            assertThat(p.get("rule").asText()).isEqualTo("message-type");
        });
        assertThat(problem.get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).endsWith(NEW_FACTORY + ".yml");
            assertThat(p.get("key").asText()).isEqualTo("colour");
            assertThat(p.get("rule").asText()).isEqualTo("unknown-key");
        });
        // the configuration in force still takes records, from the old partners and from the last good reload
        assertThat(postBatch(ACME, ACME_SECRET, acmeBatch("R-OLD", "LOT-STILL")).statusCode()).isEqualTo(202);
        assertThat(postBatch(NEW_FACTORY, ACME_SECRET, acmeBatch("G-3", "LOT-G-3")).statusCode()).isEqualTo(202);
        assertThat(postBatch("broken", ACME_SECRET, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void letsOnlyAdministratorsReload() {
        if (!users.userExists("viewer")) {
            users.createUser(User.withUsername("viewer").password(passwords.encode("viewer-password")).roles("VIEWER").build());
            users.createUser(User.withUsername("operator").password(passwords.encode("operator-password")).roles("OPERATOR").build());
        }

        assertThat(postEmpty("/api/partners/reload", "viewer", "viewer-password").statusCode()).isEqualTo(403);
        assertThat(postEmpty("/api/partners/reload", "operator", "operator-password").statusCode()).isEqualTo(403);
        assertThat(postEmpty("/api/partners/reload", ACME, ACME_SECRET).statusCode()).isEqualTo(401);
        assertThat(postEmpty("/api/partners/reload", null, null).statusCode()).isEqualTo(401);
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    private static WireMockServer startLims() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @Test
    void putsFilesInForceOnlyWithTheAdministratorsSignatureBoundToThem() throws Exception {
        var unsigned = postEmpty("/api/partners/reload", "admin", ADMIN_PASSWORD);
        var wrongPassword = postBytes("/api/partners/reload", "admin", ADMIN_PASSWORD,
                "{\"signature\": {\"password\": \"guessed\", \"meaning\": \"APPROVAL\"}}".getBytes(StandardCharsets.UTF_8));
        var oddMeaning = postBytes("/api/partners/reload", "admin", ADMIN_PASSWORD, ("{\"signature\": {\"password\": \""
                + ADMIN_PASSWORD + "\", \"meaning\": \"WHATEVER\"}}").getBytes(StandardCharsets.UTF_8));

        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
        assertThat(wrongPassword.statusCode()).as(wrongPassword.body()).isEqualTo(403);
        assertThat(oddMeaning.statusCode()).as(oddMeaning.body()).isEqualTo(400);
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        var signature = audit.about("configuration/partners").get(audit.about("configuration/partners").size() - 1);
        assertThat(signature.get("action").asText()).isEqualTo("signature");
        assertThat(signature.at("/detail/meaning").asText()).isEqualTo("APPROVAL");
        assertThat(signature.at("/detail/printedName").asText()).isEqualTo("admin");
        assertThat(signature.at("/detail/contentSha256").asText()).hasSize(64);
        assertThat(signature.toString()).doesNotContain(ADMIN_PASSWORD);
    }
}
