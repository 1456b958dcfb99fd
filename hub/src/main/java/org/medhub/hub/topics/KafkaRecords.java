package org.medhub.hub.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medhub.routes.ledger.KafkaLocation;

/**
 * Reads single records back by where the ledger says they are. A record that retention or compaction
 * has removed is reported as gone, never silently skipped.
 */
public final class KafkaRecords implements AutoCloseable {

    private static final Duration POLL = Duration.ofSeconds(5);

    private final KafkaConsumer<String, byte[]> consumer;

    public KafkaRecords(KafkaConnection kafka) {
        consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
    }

    /** The record at {@code location}, or empty when it is no longer kept. */
    public Optional<ConsumerRecord<String, byte[]>> at(KafkaLocation location) {
        TopicPartition partition = new TopicPartition(location.topic(), location.partition());
        consumer.assign(List.of(partition));
        long earliest = consumer.beginningOffsets(List.of(partition)).get(partition);
        if (location.offset() < earliest) {
            return Optional.empty();
        }
        consumer.seek(partition, location.offset());
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
            // a compacted topic may have dropped it: the next record has a higher offset
            return record.offset() == location.offset() ? Optional.of(record) : Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
