package org.medhub.routes.ledger;

import java.util.Collection;
import org.medhub.canonical.envelope.Envelope;

/**
 * Where the hub records what happened to every message at every stage. The ledger is also the
 * hub's memory of what it has published and delivered: the idempotency checks ask it.
 */
public interface Ledger {

    /**
     * Records a message that mapped, and says whether it still has to be published. A message the
     * hub has already published is a duplicate; one that was admitted but never published (the hub
     * stopped in between) is admitted again.
     */
    Admission admit(Envelope envelope, String messageType, KafkaLocation raw);

    /** The message is on its canonical topic and will go to these subscribers. */
    void published(String messageId, KafkaLocation canonical, Collection<String> subscribers);

    /**
     * A message failed before it reached its canonical topic.
     *
     * @param raw where its bytes are kept, or null when they could not be kept
     */
    void rejected(String messageId, String partner, String messageType, Stage stage, String reason, KafkaLocation raw);

    boolean isDelivered(String subscriber, String messageId);

    void delivered(String subscriber, String messageId, int attempts, int httpStatus);

    void deliveryFailed(String subscriber, String messageId, int attempts, String reason);
}
