package org.medhub.routes.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
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

    /** Commits the batch's offsets: only after everything it caused is durable. */
    public static void commit(List<Exchange> records) {
        if (records.isEmpty()) {
            return;
        }
        KafkaManualCommit commit = records.get(records.size() - 1).getMessage()
                .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("the Kafka consumer offers no manual commit: allowManualCommit must be true");
        }
        commit.commit();
    }
}
