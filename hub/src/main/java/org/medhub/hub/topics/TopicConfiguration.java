package org.medhub.hub.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.hub.MedhubProperties;
import org.medhub.hub.partner.PartnerRegistry;
import org.medhub.routes.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the hub's topics at start-up, before any route reads or writes them: a raw topic per
 * sending partner (kept for a time: replays start there), a canonical topic per entity (compacted for
 * master data, so the latest record of every key stays; kept for a time for events), and the
 * dead-letter, conflict and audit topics (the audit trail forever). Topics that exist are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics medhubTopics(MedhubProperties properties, PartnerRegistry partners) {
        MedhubProperties.Topics settings = properties.topics();
        List<NewTopic> topics = new ArrayList<>();
        partners.partners().stream().filter(p -> !p.messageTypes().isEmpty()).forEach(p -> topics.add(
                topic(Topics.raw(p.id()), settings)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.rawRetention().toMillis()))
                        .build()));
        DataDictionary.standard().entities().forEach(e -> topics.add("master".equals(e.kind())
                ? topic(Topics.canonical(e.topic()), settings).compact().build()
                : topic(Topics.canonical(e.topic()), settings)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.eventRetention().toMillis())).build()));
        for (String name : List.of(Topics.DLQ, Topics.CONFLICTS)) {
            topics.add(topic(name, settings)
                    .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.deadLetterRetention().toMillis())).build());
        }
        topics.add(topic(Topics.AUDIT, settings).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static TopicBuilder topic(String name, MedhubProperties.Topics settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor());
    }
}
