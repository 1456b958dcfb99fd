package org.medhub.hub.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.routes.pipeline.MappingPipelineTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/** The partners as the hub runs them: health, the file in force and its versions, a route suspended by a person. */
class PartnersApiIT extends HubIntegrationTest {

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @BeforeEach
    void erpAccepts() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void listsEachPartnerWithItsRoutesBreakersAndLastMessage() {
        Instant before = Instant.now().minusSeconds(1);
        String messageId = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-PARTNERS-1", "LOT-PARTNERS-1"))).get("messageId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));

        JsonNode acme = partner(json(get("/api/partners", "admin", ADMIN_PASSWORD)), ACME);
        assertThat(acme.at("/routes/" + MappingPipelineTemplate.routeId(ACME)).asText()).isEqualTo("Started");
        assertThat(Instant.parse(acme.get("lastMessageAt").asText())).isAfter(before);
        assertThat(acme.get("messageTypes").findValuesAsText("name")).contains("batch-record");
        JsonNode erpPartner = partner(json(get("/api/partners", "admin", ADMIN_PASSWORD)), "erp");
        assertThat(erpPartner.get("subscriptions").findValuesAsText("breaker")).as("it has been delivered to")
                .contains("CLOSED");
        assertThat(get("/actuator/prometheus", "admin", ADMIN_PASSWORD).body()).as("the overview's numbers as metrics")
                .contains("medhub_messages_published_total{partner=\"acme-factory\"}");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(get("/actuator/prometheus", "admin",
                ADMIN_PASSWORD).body()).contains("medhub_messages_failed{partner=\"acme-factory\"}")
                .contains("medhub_consumer_lag_records{group=\"medhub.mapping.acme-factory\"}"));
    }

    @Test
    void showsTheFileInForceWithoutSecretsAndEveryVersionPutInForce() {
        writePartnerFile("versions-factory", batchPartner("versions-factory", ""));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        writePartnerFile("versions-factory", batchPartner("versions-factory", "").replace("default: EA", "default: PCS"));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);

        JsonNode detail = json(get("/api/partners/versions-factory", "admin", ADMIN_PASSWORD));
        assertThat(detail.get("file").asText()).contains("credential: env:IT_ACME_SECRET").doesNotContain(ACME_SECRET)
                .contains("default: PCS");
        assertThat(detail.get("versions")).hasSize(2);
        assertThat(detail.at("/versions/0/actor").asText()).isEqualTo("admin");
        assertThat(detail.at("/versions/0/text").asText()).contains("default: EA");
        assertThat(detail.at("/versions/1/sha256").asText()).isNotEqualTo(detail.at("/versions/0/sha256").asText());
        assertThat(json(get("/api/partners/" + ACME, "admin", ADMIN_PASSWORD)).at("/versions/0/actor").asText())
                .as("the files in force at start").isEqualTo("medhub");

        removePartnerFile("versions-factory");
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        assertThat(get("/api/partners/versions-factory", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(json(get("/api/audit?action=partner.removed&subject=partner/versions-factory", "admin", ADMIN_PASSWORD))
                .get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aSuspendedRouteTakesNothingUntilResumedAndLosesNothing() {
        String route = MappingPipelineTemplate.routeId(BETA);
        assertThat(routeAction(BETA, route, "suspend", "").statusCode()).as("a reason is required").isEqualTo(400);
        assertThat(routeAction(BETA, "no-such-route", "suspend", "why not").statusCode()).isEqualTo(404);

        var suspended = routeAction(BETA, route, "suspend", "the factory resends yesterday's records");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(json(suspended).get("status").asText()).isEqualTo("Stopped");
        String messageId = json(postBatch(BETA, BETA_SECRET, """
                {"gtin": "09506000134352", "lot": "LOT-SUSPENDED-1"}""")).get("messageId").asText();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).as("not mapped while suspended").isEqualTo("RECEIVED"));

        assertThat(routeAction(BETA, route, "resume", "the resend is over").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        JsonNode audit = json(get("/api/audit?action=partner.route.suspend&subject=partner/" + BETA, "admin", ADMIN_PASSWORD));
        assertThat(audit.at("/events/0/detail/reason").asText()).isEqualTo("the factory resends yesterday's records");
    }

    @Test
    void aPersonLimitedToAPartnerSeesThatPartnerAlone() {
        if (!users.userExists("partners-beta")) {
            users.createUser(User.withUsername("partners-beta").password(passwords.encode("partners-beta-password"))
                    .roles("OPERATOR").build());
        }
        putBytes("/api/users/partners-beta/partners", "admin", ADMIN_PASSWORD,
                "{\"partners\": [\"beta-factory\"], \"reason\": \"Beta's site\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(json(get("/api/partners", "partners-beta", "partners-beta-password")).get("partners")
                .findValuesAsText("id")).containsExactly(BETA);
        assertThat(get("/api/partners/" + ACME, "partners-beta", "partners-beta-password").statusCode()).isEqualTo(404);
        assertThat(routeAction(ACME, MappingPipelineTemplate.routeId(ACME), "suspend", "not mine", "partners-beta",
                "partners-beta-password").statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> routeAction(String partner, String route, String action, String reason) {
        return routeAction(partner, route, action, reason, "admin", ADMIN_PASSWORD);
    }

    private java.net.http.HttpResponse<String> routeAction(String partner, String route, String action, String reason,
            String user, String password) {
        return postBytes("/api/partners/" + partner + "/routes/" + route + "/" + action, user, password,
                ("{\"reason\": \"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode partner(JsonNode list, String id) {
        return list.get("partners").valueStream().filter(p -> p.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
