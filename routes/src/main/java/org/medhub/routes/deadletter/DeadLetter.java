package org.medhub.routes.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;

/**
 * What goes on {@code medhub.dlq}: a message that failed, where and why, with its bytes or where they are.
 * A failure is made with {@link #of}; {@link DeadLetters} stamps the time and decides how the bytes are kept.
 *
 * @param stage the stage it failed to reach
 * @param subscriber for a failed delivery, the subscriber that did not get it
 * @param origin where the failed message is on Kafka: its raw record, or for a failed delivery its canonical one
 * @param bytes the raw bytes for an inbound failure, the envelope for a failed delivery or refusal; here only when
 *     {@code bytesKept} is {@link BytesKept#INLINE}
 * @param bytesLength how many bytes failed, however they are kept
 * @param bytesSha256 their SHA-256 in hex: a copy read from {@code origin} is checked against it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        String messageId,
        Stage stage,
        String reason,
        String partner,
        String messageType,
        String subscriber,
        KafkaLocation origin,
        Instant failedAt,
        BytesKept bytesKept,
        Integer bytesLength,
        String bytesSha256,
        byte[] bytes) {

    /** Where a dead letter's bytes are. */
    public enum BytesKept {
        /** In the dead letter itself. */
        INLINE,
        /** Too large to copy: at {@code origin}, for as long as that topic keeps them. */
        AT_ORIGIN,
        /** Not kept anywhere: the input was refused unread (too large), or Kafka would not take it. */
        NOT_KEPT
    }

    /** A failure, its bytes not yet placed. */
    public static DeadLetter of(String messageId, Stage stage, String reason, String partner, String messageType,
            String subscriber, KafkaLocation origin, byte[] bytes) {
        return new DeadLetter(messageId, stage, reason, partner, messageType, subscriber, origin, null, null, null, null,
                bytes);
    }

    /** An inbound record refused: its raw bytes (null when they were not read) at their raw location. */
    public static DeadLetter rejected(Rejection rejection, byte[] raw) {
        return of(rejection.messageId(), rejection.stage(), rejection.reason(), rejection.partner(),
                rejection.messageType(), null, rejection.raw(), raw);
    }

    /** The ledger's row of an inbound failure. */
    Rejection rejection() {
        return new Rejection(messageId, partner, messageType, stage, reason, origin);
    }
}
