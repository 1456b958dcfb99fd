package org.medhub.routes.ledger;

import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Reads where the Kafka producer of a route has just written a record. */
public final class RecordMetadataLocation {

    private RecordMetadataLocation() {}

    public static KafkaLocation of(Message message) {
        List<?> metadata = message.getHeader(KafkaConstants.KAFKA_RECORD_META, List.class);
        if (metadata == null || metadata.isEmpty()) {
            throw new IllegalStateException("the Kafka producer reported no record metadata (camel.component.kafka.record-metadata must be true)");
        }
        RecordMetadata written = (RecordMetadata) metadata.get(metadata.size() - 1);
        return new KafkaLocation(written.topic(), written.partition(), written.offset());
    }
}
