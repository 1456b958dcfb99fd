package org.medhub.routes.deadletter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.routes.Topics;

/** Dead letters as records of {@code medhub.dlq}, keyed by message id. */
public final class DeadLetters {

    private DeadLetters() {}

    public static ProducerRecord<String, byte[]> record(DeadLetter letter) {
        return new ProducerRecord<>(Topics.DLQ, letter.messageId(), CanonicalJson.toBytes(letter));
    }
}
