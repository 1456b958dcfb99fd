package org.medhub.hub.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group that reads from the newest record on reads every record published after its starting point was set, however
 * late its consumer is given its partitions; once it has run, it goes on where it stopped.
 */
class StartingOffsetsIT extends HubIntegrationTest {

    private static final String TOPIC = "it.starting-offsets";
    private static final String GROUP = "it.starting-offsets";

    @Autowired
    StartingOffsets startingOffsets;

    @Autowired
    KafkaConnection kafka;

    @Test
    void aNewGroupReadsWhatWasPublishedAfterItsStartingPointAndAGroupThatRanGoesOnWhereItStopped() throws Exception {
        try (Admin admin = Admin.create(kafka.with(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        send("before-1", "before-2");
        startingOffsets.fromNowOn(GROUP, List.of(TOPIC));
        send("after-1"); // published before the group's consumer exists: Kafka's own "latest" would skip it

        assertThat(readOnce()).containsExactly("after-1");

        send("while-away");
        startingOffsets.fromNowOn(GROUP, List.of(TOPIC)); // the group has committed offsets: they stay
        assertThat(readOnce()).containsExactly("while-away");
    }

    private void send(String... values) throws Exception {
        Map<String, Object> settings = kafka.with(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get();
            }
        }
    }

    /** What the group reads until it has caught up, committed before the consumer leaves. */
    private List<String> readOnce() {
        Map<String, Object> settings = kafka.with(Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                return !consumer.assignment().isEmpty() && consumer.assignment().stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
            });
            consumer.commitSync();
        }
        return read;
    }
}
