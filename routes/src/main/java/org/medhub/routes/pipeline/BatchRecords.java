package org.medhub.routes.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.medhub.routes.ledger.KafkaLocation;

/** Reading the records of a batch that Camel's Kafka consumer delivers as one exchange. */
public final class BatchRecords {

    private BatchRecords() {}

    @SuppressWarnings("unchecked")
    public static List<Exchange> of(Exchange batch) {
        List<Exchange> records = batch.getMessage().getBody(List.class);
        return records == null ? List.of() : records;
    }

    public static KafkaLocation location(Message record) {
        return new KafkaLocation(record.getHeader(KafkaConstants.TOPIC, String.class),
                record.getHeader(KafkaConstants.PARTITION, Integer.class),
                record.getHeader(KafkaConstants.OFFSET, Long.class));
    }

    /** A header as the text it was written as (Kafka headers arrive as bytes). */
    public static String header(Message record, String name) {
        Object value = record.getHeader(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value == null ? null : value.toString();
    }

    /**
     * Commits the batch's offsets, every partition's in one request, only after everything the batch
     * caused is durable. Camel's own commit of a record commits that record's partition alone, so a
     * batch that read several partitions would leave all but one to be read again after a restart.
     */
    public static void commit(List<Exchange> records) {
        if (records.isEmpty()) {
            return;
        }
        if (!(records.get(0).getMessage().getHeader(KafkaConstants.MANUAL_COMMIT) instanceof DefaultKafkaManualCommit commit)) {
            throw new IllegalStateException("the Kafka consumer offers no manual commit: allowManualCommit must be true");
        }
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (Exchange record : records) {
            KafkaLocation read = location(record.getMessage());
            next.merge(new TopicPartition(read.topic(), read.partition()), new OffsetAndMetadata(read.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        // Camel hands the batch over on the thread that polls, the only one that may use its consumer
        commit.getConsumer().commitSync(next, Duration.ofMillis(commit.getCommitTimeout()));
    }
}
