package org.medhub.routes.delivery;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.pipeline.KafkaWriter;

/** Failed deliveries to {@code medhub.dlq}, with the envelope that did not get through. */
public class DeadLetterWriter {

    private final KafkaWriter kafka;
    private final Clock clock;

    public DeadLetterWriter(KafkaWriter kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    void write(String subscriber, List<DeliveryOutcome> outcomes) {
        List<ProducerRecord<String, byte[]>> letters = outcomes.stream()
                .filter(o -> o.status() == DeliveryStatus.FAILED)
                .map(o -> DeadLetters.record(new DeadLetter(o.messageId(), Stage.DELIVERED, o.error(),
                        CanonicalJson.fromBytes(o.envelope(), Envelope.class).partner(), null, subscriber,
                        o.canonical(), clock.instant(), o.envelope())))
                .toList();
        kafka.writeAll(letters);
    }
}
