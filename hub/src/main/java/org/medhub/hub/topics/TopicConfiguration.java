package org.medhub.hub.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.partner.RawTopics;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.routes.kafka.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the hub's topics at start-up, before any route reads or writes them: a raw topic per
 * sending partner (kept for a time: replays start there), a canonical topic per entity (compacted for
 * master data, so the latest record of every key stays; kept for a time for events), and the
 * dead-letter, conflict and audit topics (the audit trail forever). Topics that exist are left as they
 * are; a partner added by a reload gets its raw topic then.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics medhubTopics(MedhubProperties properties, LivePartners partners) {
        MedhubProperties.Topics settings = properties.topics();
        List<NewTopic> topics = new ArrayList<>();
        partners.partners().stream().filter(p -> !p.messageTypes().isEmpty())
                .forEach(p -> topics.add(raw(p.id(), settings)));
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

    /** A partner added by a reload gets its raw topic before its channels and inbound API take records. */
    @Bean
    RawTopics rawTopics(MedhubProperties properties, KafkaAdmin admin) {
        return partners -> {
            if (!partners.isEmpty()) {
                admin.createOrModifyTopics(partners.stream().map(p -> raw(p.id(), properties.topics())).toArray(NewTopic[]::new));
            }
        };
    }

    private static NewTopic raw(String partnerId, MedhubProperties.Topics settings) {
        return topic(Topics.raw(partnerId), settings)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.rawRetention().toMillis()))
                .build();
    }

    private static TopicBuilder topic(String name, MedhubProperties.Topics settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(settings.maxRecordSize().toBytes()));
    }
}
