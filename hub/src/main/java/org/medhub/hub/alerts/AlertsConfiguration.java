package org.medhub.hub.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.records.CurrentRecords;
import org.medhub.hub.topics.StartingOffsets;
import org.medhub.routes.kafka.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    RecordRules recordRules(JdbcTemplate jdbc, CurrentRecords records, Alerts alerts, Clock clock,
            @Value("${medhub.alerts.expiry-warning-days:90}") int expiryWarningDays) {
        return new RecordRules(jdbc, records, alerts, clock, expiryWarningDays);
    }

    /**
     * Shipments and readings checked as they are published (by a group of its own, from the group's first start on: a
     * new hub does not raise an alert for every reading of the past); lots near their expiry swept every hour.
     */
    @Bean
    RouteBuilder alertRoutes(RecordRules rules, StartingOffsets startingOffsets) {
        List<String> topics = Stream.of("Shipment", "StorageConditionReading")
                .map(e -> Topics.canonical(DataDictionary.standard().entity(e).orElseThrow().topic())).toList();
        return new RouteBuilder() {
            @Override
            public void configure() {
                startingOffsets.fromNowOn("medhub.alerts", topics);
                from("kafka:" + String.join(",", topics) + "?groupId=medhub.alerts&autoOffsetReset=latest")
                        .routeId("record-alerts")
                        .process(exchange -> {
                            byte[] value = exchange.getMessage().getBody(byte[].class);
                            if (value != null) {
                                JsonNode envelope = CanonicalJson.fromBytes(value, JsonNode.class);
                                rules.onRecord(envelope.path("entity").asText(), envelope.path("payload"));
                            }
                        });
                from("timer:expiry-sweep?delay=30000&period=3600000").routeId("expiry-sweep")
                        .process(exchange -> rules.sweepExpiry());
            }
        };
    }
}
