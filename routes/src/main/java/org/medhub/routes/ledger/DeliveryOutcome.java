package org.medhub.routes.ledger;

import java.time.Instant;

/**
 * What happened to one message for one subscriber.
 *
 * @param envelope the envelope bytes, kept while the message is retried, held or failed so that it can
 *     be delivered later without reading Kafka again
 * @param nextAttemptAt for {@link DeliveryStatus#RETRYING}, when to try again
 */
public record DeliveryOutcome(
        String messageId,
        String businessKey,
        KafkaLocation canonical,
        DeliveryStatus status,
        int attempts,
        Integer httpStatus,
        String error,
        Instant nextAttemptAt,
        byte[] envelope) {}
