package org.medhub.hub.customs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.connectors.transport.Transports;
import org.medhub.hub.alerts.Alerts;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.partner.CredentialStore;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.records.CurrentRecords;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.hub.simulator.SingleWindowSimulator;
import org.medhub.hub.topics.StartingOffsets;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class CustomsConfiguration {

    /** The simulated single windows started for {@code simulator:} URLs, stopped with the hub. */
    static final class Simulators implements AutoCloseable {
        final List<SingleWindowSimulator> running = new ArrayList<>();

        @Override
        public void close() {
            running.forEach(SingleWindowSimulator::close);
        }
    }

    @Bean(destroyMethod = "close")
    Simulators singleWindowSimulators() {
        return new Simulators();
    }

    @Bean
    CustomsProfiles customsProfiles(MedhubProperties properties, Environment environment, LivePartners partners,
            Simulators simulators) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        CredentialStore credentials = new CredentialStore(dataDir, environment::getProperty, false);
        return CustomsProfiles.read(properties.configDir().resolve("customs"), dataDir,
                environment::resolveRequiredPlaceholders, partners, properties.partners().generateMissingSecrets(),
                draft -> {
                    if (!properties.simulators().enabled()) {
                        throw new IllegalArgumentException("'" + draft.url() + "' needs a simulator, but simulators are"
                                + " disabled (medhub.simulators.enabled=false): configure the real single window");
                    }
                    String path = draft.url().substring("simulator:".length()).replaceFirst("^[^/]*", "");
                    SingleWindowSimulator simulator = new SingleWindowSimulator(draft.declarant().getPublic(),
                            receipt -> postAsPartner(environment, credentials, partners, draft.partner(), receipt),
                            Duration.ofSeconds(1), path.isEmpty() ? "/" : path);
                    simulators.running.add(simulator);
                    return simulator.url(path.isEmpty() ? "/" : path);
                });
    }

    @Bean
    CustomsDesk customsDesk(CustomsProfiles profiles, JdbcTemplate jdbc, CurrentRecords records, CanonicalLookup lookup,
            CanonicalPublisher publisher, Transports transports, AuditTrail audit, Alerts alerts, Clock clock) {
        return new CustomsDesk(profiles, jdbc, records, lookup, publisher, transports, audit, alerts, clock);
    }

    /**
     * Shipments that reach a profile's status are declared (read from their canonical topic by a group of their own,
     * from the group's first start on: a new profile does not declare every shipment of the past); receipts dropped
     * into a profile's file-exchange folder are read, then moved to {@code done/}, or to {@code failed/} when refused.
     */
    @Bean
    RouteBuilder customsRoutes(CustomsProfiles profiles, CustomsDesk desk, StartingOffsets startingOffsets) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (profiles.all().stream().anyMatch(p -> p.assembleOn() != null)) {
                    String topic = Topics.canonical(DataDictionary.standard().entity("Shipment").orElseThrow().topic());
                    startingOffsets.fromNowOn("medhub.customs", List.of(topic));
                    from("kafka:" + topic + "?groupId=medhub.customs&autoOffsetReset=latest").routeId("customs-shipments")
                            .process(exchange -> {
                                byte[] value = exchange.getMessage().getBody(byte[].class);
                                if (value != null) { // a tombstone declares nothing
                                    JsonNode envelope = CanonicalJson.fromBytes(value, JsonNode.class);
                                    desk.onShipment(envelope.path("payload"));
                                }
                            });
                }
                for (CustomsProfile profile : profiles.all()) {
                    if (profile.receiptFolder() != null) {
                        from("file:" + profile.receiptFolder() + "?autoCreate=true&include=.*\\.xml&move=done"
                                + "&moveFailed=failed&delay=1000").routeId("customs-receipts-" + profile.id())
                                .process(exchange -> desk.receive(profile.partner(),
                                        exchange.getMessage().getBody(byte[].class)));
                    }
                }
            }
        };
    }

    /** What the simulated authority does with a receipt: posts it to the hub as the authority's partner. */
    private static void postAsPartner(Environment environment, CredentialStore credentials, LivePartners partners,
            String partner, byte[] receipt) {
        String port = environment.getProperty("local.server.port");
        String reference = partners.partner(partner).map(p -> p.credentialRef()).orElseThrow();
        CredentialStore.Outbound secret = credentials.outbound(reference);
        if (port == null || secret.secret() == null) {
            throw new IllegalStateException("the hub is not listening yet, or partner " + partner + " has no credential");
        }
        String basic = Base64.getEncoder().encodeToString((partner + ":" + secret.secret().reveal())
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/inbound/" + partner + "/customs-receipt"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(receipt)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("the hub answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach the hub: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
