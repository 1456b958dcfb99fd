package org.medhub.routes.deadletter;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Stage;

/**
 * The one way to {@code medhub.dlq}, for a failure at any stage. A dead letter must always be writable:
 * bytes up to {@code maxInlineBytes} travel in it (base64 in JSON, a third larger), larger ones stay where
 * they already are on Kafka (the raw or canonical record) and the letter says where, how long they are and
 * their hash; the reason is cleaned of what PostgreSQL and terminals cannot take and cut to a bounded length.
 */
public class DeadLetters {

    private final KafkaWriter kafka;
    private final Ledger ledger;
    private final Clock clock;
    private final long maxInlineBytes;

    public DeadLetters(KafkaWriter kafka, Ledger ledger, Clock clock, long maxInlineBytes) {
        this.kafka = kafka;
        this.ledger = ledger;
        this.clock = clock;
        this.maxInlineBytes = maxInlineBytes;
    }

    /** The letter as a record of {@code medhub.dlq}, keyed by message id, for a caller that writes it in its own batch. */
    public ProducerRecord<String, byte[]> record(DeadLetter failure) {
        return new ProducerRecord<>(Topics.DLQ, failure.messageId(), CanonicalJson.toBytes(placed(failure)));
    }

    /** Writes the letters and waits for Kafka's acknowledgement. */
    public void write(List<DeadLetter> failures) {
        kafka.writeAll(failures.stream().map(this::record).toList());
    }

    /**
     * Inbound records refused: each to {@code medhub.dlq}, then to the ledger as FAILED. In that order, so that
     * the ledger never shows a failure that has no dead letter; a crash between the two writes the letter again.
     */
    public void rejected(List<DeadLetter> failures) {
        if (failures.isEmpty()) {
            return;
        }
        write(failures);
        ledger.rejected(failures.stream().map(DeadLetter::rejection).toList());
    }

    /** The deliveries among {@code outcomes} that failed for good, each with the envelope that did not get through. */
    public void undelivered(String subscriber, List<DeliveryOutcome> outcomes) {
        write(outcomes.stream().filter(o -> o.status() == DeliveryStatus.FAILED)
                .map(o -> DeadLetter.of(o.messageId(), Stage.DELIVERED, o.error(),
                        CanonicalJson.fromBytes(o.envelope(), Envelope.class).partner(), null, subscriber, o.canonical(),
                        o.envelope()))
                .toList());
    }

    private DeadLetter placed(DeadLetter failure) {
        byte[] bytes = failure.bytes();
        DeadLetter.BytesKept kept = bytes == null ? DeadLetter.BytesKept.NOT_KEPT
                : bytes.length <= maxInlineBytes ? DeadLetter.BytesKept.INLINE
                : failure.origin() != null ? DeadLetter.BytesKept.AT_ORIGIN
                : DeadLetter.BytesKept.NOT_KEPT;
        return new DeadLetter(failure.messageId(), failure.stage(),
                PrintableText.clean(failure.reason(), PrintableText.MAX_REASON), failure.partner(), failure.messageType(),
                failure.subscriber(), failure.origin(), clock.instant(), kept, bytes == null ? null : bytes.length,
                bytes == null ? null : MessageIds.sha256Hex(bytes), kept == DeadLetter.BytesKept.INLINE ? bytes : null);
    }
}
