package org.medhub.routes.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.medhub.routes.ledger.KafkaLocation;

/**
 * Writes a batch of records without waiting for each: all are sent, then all acknowledgements are
 * awaited at once. With an idempotent producer and acks=all, a returned location is durable.
 */
public class KafkaWriter {

    private final Producer<String, byte[]> producer;

    public KafkaWriter(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** The records' locations, in order. Records with the same key and topic keep their order. */
    public List<KafkaLocation> writeAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        records.forEach(record -> acks.add(producer.send(record)));
        producer.flush(); // the batch is whole: waiting out the linger would only add latency
        List<KafkaLocation> locations = new ArrayList<>(records.size());
        try {
            for (Future<RecordMetadata> ack : acks) {
                RecordMetadata written = ack.get();
                locations.add(new KafkaLocation(written.topic(), written.partition(), written.offset()));
            }
        } catch (ExecutionException e) {
            throw new KafkaWriteException("Kafka did not acknowledge a write: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaWriteException("interrupted while waiting for Kafka", e);
        }
        return locations;
    }

    public KafkaLocation write(ProducerRecord<String, byte[]> record) {
        return writeAll(List.of(record)).get(0);
    }

    /** A write Kafka did not acknowledge: nothing that depends on it may be recorded as done. */
    public static class KafkaWriteException extends RuntimeException {
        KafkaWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
