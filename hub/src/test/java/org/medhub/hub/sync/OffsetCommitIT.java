package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;

/**
 * A batch stage commits, when its batch is done, the offset of every partition the batch read, not only
 * the partition of its last record: otherwise a restart would read those partitions again.
 */
class OffsetCommitIT extends HubIntegrationTest {

    private static final String RAW = "medhub.raw." + ACME;
    private static final String CANONICAL = "medhub.canonical.batch";

    @Test
    void commitsEveryPartitionABatchRead() throws Exception {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafkaClient(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))) {
            for (int i = 0; i < 30; i++) { // keys on every partition, written at once: one batch reads several
                ProducerRecord<String, String> record = new ProducerRecord<>(RAW, "commit-" + i,
                        acmeBatch("R-COMMIT-" + i, "LOT-COMMIT-" + i));
                record.headers().add("medhubPartner", ACME.getBytes(StandardCharsets.UTF_8));
                record.headers().add("medhubMessageType", "batch-record".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }

        try (Admin admin = Admin.create(kafkaClient(Map.of()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(committed(admin, "medhub.mapping." + ACME)).as("the mapping stage's offsets")
                        .containsAllEntriesOf(ends(admin, RAW));
                assertThat(committed(admin, "medhub.delivery.erp." + CANONICAL)).as("the delivery stage's offsets")
                        .containsAllEntriesOf(ends(admin, CANONICAL));
            });
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
