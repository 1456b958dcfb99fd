package org.medhub.routes.pipeline;

import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading the records of a batch that Camel's Kafka consumer delivers as one exchange. */
public final class BatchRecords {

    private static final Logger log = LoggerFactory.getLogger(BatchRecords.class);

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
     * The commit is asynchronous: the next batch does not wait for the broker's answer. A commit that
     * is lost (a crash, a rebalance) only makes a batch run again, and every batch is idempotent; a later
     * commit covers an earlier one, and Kafka sends them in order.
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
        commit.getConsumer().commitAsync(next, (offsets, failure) -> {
            if (failure != null) {
                log.info("Offsets {} not committed ({}); their records will be read again, and are idempotent", offsets,
                        failure.toString());
            }
        });
    }
}
