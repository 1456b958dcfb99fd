package org.medhub.routes.delivery;

import java.time.Instant;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.ledger.DeliveryCandidate;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.KafkaLocation;

/** One canonical envelope on its way to one subscriber. */
public record DeliveryItem(Envelope envelope, byte[] bytes, KafkaLocation canonical) {

    DeliveryCandidate candidate() {
        return new DeliveryCandidate(envelope.messageId(), envelope.businessKey(), canonical);
    }

    DeliveryOutcome outcome(DeliveryStatus status, int attempts, Integer httpStatus, String error, Instant nextAttemptAt) {
        return new DeliveryOutcome(envelope.messageId(), envelope.businessKey(), canonical, status, attempts,
                httpStatus, error, nextAttemptAt, bytes);
    }
}
