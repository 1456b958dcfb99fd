package org.medhub.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medhub.canonical.envelope.CanonicalJson;

/**
 * Reads a canonical topic from its beginning, on a thread of its own, into {@link Arrivals}: a record arrives when the
 * hub wrote it (its Kafka timestamp), keyed by its business key (the material number). Only the records of the
 * {@code timed} series are parsed, for the commit time their envelope carries ({@code occurredAt}): parsing every
 * record would take processor time from the hub while its throughput is measured.
 */
final class CanonicalTally implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Arrivals arrivals;
    private final Set<String> timed;
    private final Thread thread;
    private volatile String problem;

    CanonicalTally(Map<String, Object> kafka, String topic, Arrivals arrivals, Set<String> timed) {
        this.arrivals = arrivals;
        this.timed = timed;
        this.consumer = new KafkaConsumer<>(PipelineBench.with(kafka, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::read, "bench-canonical-tally");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why reading stopped, or null while it reads. */
    String problem() {
        return problem;
    }

    private void read() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String key = record.key();
                    int dash = key.indexOf('-');
                    long committed = -1;
                    if (dash > 0 && timed.contains(key.substring(0, dash))) {
                        JsonNode envelope = CanonicalJson.mapper().readTree(record.value());
                        committed = OffsetDateTime.parse(envelope.path("occurredAt").asText()).toInstant().toEpochMilli();
                    }
                    arrivals.arrived(key, record.timestamp(), committed);
                }
            }
        } catch (WakeupException closing) {
            // asked to stop
        } catch (IOException | RuntimeException e) {
            problem = "reading the canonical topic failed: " + e;
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
