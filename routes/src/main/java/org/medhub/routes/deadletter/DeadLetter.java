package org.medhub.routes.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Stage;

/**
 * What goes on {@code medhub.dlq}: a message that failed, where and why, with its bytes.
 *
 * @param stage the stage it failed to reach
 * @param subscriber for a failed delivery, the subscriber that did not get it
 * @param bytes the raw bytes for an inbound failure, the envelope for a failed delivery
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
        byte[] bytes) {}
