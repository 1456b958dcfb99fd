package org.medhub.routes.ledger;

/** Where a message is for one subscriber. */
public enum DeliveryStatus {
    /**
     * Owed, not yet tried. Usually no row says so: the ledger shows it for the subscribers the message was
     * published to whose deliveries have not got that far. A row holds it when the delivery stage passed
     * the message because its subscription had gone (and rows written before V21).
     */
    PENDING,
    /** The subscriber accepted it. */
    DELIVERED,
    /** Failed for now; tried again at its next attempt time. Later messages of its key wait. */
    RETRYING,
    /** Waits behind an earlier message of the same business key. */
    HELD,
    /** Refused by the subscriber, or out of attempts: in the dead-letter queue. Its key waits for a person. */
    FAILED,
    /** An operator stopped its retries. Its key waits for a person. */
    STOPPED,
    /** An operator let its key go on without it. */
    SKIPPED;

    /** Whether a message in this state keeps later messages of its key from being delivered. */
    public boolean blocksItsKey() {
        return this == RETRYING || this == HELD || this == FAILED || this == STOPPED;
    }
}
