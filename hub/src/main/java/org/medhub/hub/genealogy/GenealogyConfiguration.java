package org.medhub.hub.genealogy;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.hub.topics.KafkaConnection;
import org.medhub.routes.genealogy.GenealogyEdges;
import org.medhub.routes.kafka.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class GenealogyConfiguration {

    @Bean
    GenealogyProjection genealogyProjection(JdbcTemplate jdbc, Clock clock) {
        return new GenealogyProjection(jdbc, clock);
    }

    @Bean
    Genealogy genealogy(JdbcTemplate jdbc) {
        return new Genealogy(jdbc);
    }

    @Bean
    EvidencePacks evidencePacks(JdbcTemplate jdbc, KafkaConnection kafka) {
        return new EvidencePacks(jdbc, kafka);
    }

    /**
     * The genealogy read from the canonical topics of the entities that make links, by a group of its own, from their
     * beginning: a new hub, or a genealogy rebuilt, holds every link the topics hold.
     */
    @Bean
    RouteBuilder genealogyRoute(GenealogyProjection projection) {
        Map<String, String> entityByTopic = GenealogyEdges.ENTITIES.stream().collect(Collectors.toMap(
                entity -> Topics.canonical(DataDictionary.standard().entity(entity).orElseThrow().topic()), entity -> entity));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:" + String.join(",", entityByTopic.keySet()) + "?groupId=medhub.genealogy"
                        + "&autoOffsetReset=earliest").routeId("genealogy")
                        .process(exchange -> {
                            byte[] value = exchange.getMessage().getBody(byte[].class);
                            if (value == null) {
                                projection.deleted(entityByTopic.get(exchange.getMessage().getHeader(KafkaConstants.TOPIC,
                                        String.class)), exchange.getMessage().getHeader(KafkaConstants.KEY, String.class));
                            } else {
                                projection.apply(CanonicalJson.fromBytes(value, Envelope.class));
                            }
                        });
            }
        };
    }
}
