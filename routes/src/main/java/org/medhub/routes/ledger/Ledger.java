package org.medhub.routes.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where the hub records what happened to every message at every stage, and its memory of what it
 * has published and delivered: every idempotency check asks it. Every method takes a whole batch and
 * costs one transaction, whatever the batch size: nothing on the hot path is one statement per message.
 */
public interface Ledger {

    /**
     * Runs {@code work} as one transaction: whatever it writes to the ledger and to the records (admission,
     * merge, publication) commits together or not at all. Work that fails leaves nothing behind.
     */
    void atomically(Runnable work);

    /** Intake: the raw bytes of these messages are kept; records them as received if they are new. */
    void received(List<Admittance> messages);

    /** Which of these messages the hub has already published. */
    Set<String> alreadyPublished(Collection<String> messageIds);

    /** Intake: these messages came again after they were published. */
    void duplicates(List<Admittance> messages);

    /**
     * Claims each message for publication, in order: {@link Admission#NEW} when this batch is to
     * publish it (also when the same raw record is processed again after a crash), {@link Admission#DUPLICATE}
     * when another record with the same message id was admitted or published first.
     */
    List<Admission> admit(List<Admittance> batch);

    void published(List<Publication> batch);

    void rejected(List<Rejection> batch);

    /**
     * Of these messages, read where they are: the ones the subscriber already has (by their delivery rows,
     * or, where they have none, by how far the subscriber's deliveries have got on their partitions), the
     * keys that wait behind an unsettled message, and the messages that have delivery rows. One query.
     */
    DeliveryState deliveryState(String subscriber, List<DeliveryCandidate> read);

    /**
     * Records what the subscriber's delivery stage did with a batch it read in topic order, and moves
     * the subscriber's progress on each partition up to the furthest of these messages. A delivery that
     * went through needs no row of its own (unless the message has one already), so every message owed
     * to the subscriber that the stage passed without delivering it must be among the outcomes.
     *
     * @param withRows the messages that had delivery rows when the batch was read ({@link DeliveryState}):
     *     only their rows are updated when they were delivered
     */
    void recordDeliveries(String subscriber, List<DeliveryOutcome> outcomes, Set<String> withRows);

    /** Records the outcomes of retries and replays, which come out of topic order: the progress stays. */
    void recordRetries(String subscriber, List<DeliveryOutcome> outcomes);

    /**
     * Claims messages whose retry time has come, at most one per key, for {@code lease}: another
     * instance may take them over if this one has not recorded an outcome by then.
     */
    List<DueRetry> claimDueRetries(int max, Duration lease);

    /** After a key's blocking message is settled, makes its next held message due at once. */
    void releaseNextHeld(String subscriber, String businessKey);
}
