package org.medhub.routes.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryState;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.Subscription;
import org.medhub.routes.pipeline.BatchRecords;
import org.medhub.routes.pipeline.UntilDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a batch of canonical envelopes to one subscriber. Messages of one business key go in
 * order, one after the other; different keys go in parallel, or together in one request to a
 * subscription that takes batches. A message that fails holds the later
 * messages of its key (they wait in the ledger, in order) and nothing else: the batch ends, its
 * offsets are committed, and the retry worker takes the key from there.
 */
public class DeliveryBatchProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBatchProcessor.class);

    private final PartnerDirectory partners;
    private final Ledger ledger;
    private final SubscriberGateway gateway;
    private final DeadLetters deadLetters;

    public DeliveryBatchProcessor(PartnerDirectory partners, Ledger ledger, SubscriberGateway gateway,
            DeadLetters deadLetters) {
        this.partners = partners;
        this.ledger = ledger;
        this.gateway = gateway;
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange batch) {
        String subscriber = batch.getProperty(MedhubHeaders.SUBSCRIBER, String.class);
        List<Exchange> records = BatchRecords.of(batch);
        Map<String, DeliveryItem> items = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            byte[] bytes = message.getBody(byte[].class);
            if (bytes == null) {
                continue; // a deletion's tombstone: owed to no subscriber
            }
            Envelope envelope = CanonicalJson.fromBytes(bytes, Envelope.class);
            if (!subscriber.equals(envelope.source())) { // never echo a record back to the system it came from
                items.putIfAbsent(envelope.messageId(), new DeliveryItem(envelope, bytes, BatchRecords.location(message)));
            }
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        Set<String> withRows = new HashSet<>();
        UntilDone.run("delivering a batch of " + items.size() + " to " + subscriber, () -> {
            DeliveryState state = ledger.deliveryState(subscriber, items.values().stream().map(DeliveryItem::candidate).toList());
            withRows.addAll(state.withRows());
            outcomes.addAll(deliver(subscriber, items.values(), state));
        });
        // Recorded in a step of its own: when the database is away, the subscriber is not sent the batch again.
        UntilDone.run("recording " + outcomes.size() + " deliveries to " + subscriber,
                () -> record(subscriber, outcomes, withRows));
        BatchRecords.commit(records);
    }

    private List<DeliveryOutcome> deliver(String subscriber, Collection<DeliveryItem> candidates, DeliveryState state) {
        List<DeliveryItem> owed = candidates.stream().filter(i -> !state.settled().contains(i.envelope().messageId()))
                .toList();
        Set<String> blocked = state.blockedKeys();
        Map<String, List<DeliveryItem>> byEntity = new LinkedHashMap<>();
        owed.forEach(i -> byEntity.computeIfAbsent(i.envelope().entity(), e -> new ArrayList<>()).add(i));
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        byEntity.forEach((entity, items) -> {
            Optional<Subscription> subscription = subscription(subscriber, entity);
            if (subscription.isEmpty()) {
                // still owed (the subscriber's progress passes them), never tried: a row says so
                items.forEach(i -> outcomes.add(i.outcome(DeliveryStatus.PENDING, 0, null,
                        subscriber + " no longer subscribes to " + entity, null)));
            } else {
                outcomes.addAll(subscription.get().batched() ? inBatches(subscription.get(), items, blocked)
                        : keyByKey(subscription.get(), items, blocked));
            }
        });
        return outcomes;
    }

    /** One key after the other within a key, different keys in parallel: a request per record. */
    private List<DeliveryOutcome> keyByKey(Subscription subscription, List<DeliveryItem> items, Set<String> blocked) {
        Map<String, List<DeliveryItem>> byKey = new LinkedHashMap<>();
        items.forEach(i -> byKey.computeIfAbsent(i.envelope().businessKey(), k -> new ArrayList<>()).add(i));
        List<CompletableFuture<List<DeliveryOutcome>>> keys = new ArrayList<>();
        for (Map.Entry<String, List<DeliveryItem>> key : byKey.entrySet()) {
            boolean wait = blocked.contains(key.getKey());
            keys.add(CompletableFuture.supplyAsync(() -> deliverInOrder(subscription, key.getValue(), wait),
                    gateway.policy(subscription).workers()));
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        keys.forEach(key -> outcomes.addAll(key.join()));
        return outcomes;
    }

    /**
     * Requests of up to the subscription's batch size, in the order of the topic. When one fails, the
     * later messages of its keys wait behind it, and the other keys go on in the next requests.
     */
    private List<DeliveryOutcome> inBatches(Subscription subscription, List<DeliveryItem> items, Set<String> blocked) {
        Set<String> waiting = new HashSet<>(blocked);
        List<DeliveryOutcome> outcomes = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += subscription.batch()) {
            List<DeliveryItem> send = new ArrayList<>();
            for (DeliveryItem item : items.subList(from, Math.min(items.size(), from + subscription.batch()))) {
                if (waiting.contains(item.envelope().businessKey())) {
                    outcomes.add(held(item));
                } else {
                    send.add(item);
                }
            }
            if (send.isEmpty()) {
                continue;
            }
            List<DeliveryOutcome> sent = gateway.attemptAll(subscription, send);
            for (int i = 0; i < send.size(); i++) {
                DeliveryOutcome outcome = sent.get(i);
                if (outcome.status() == DeliveryStatus.DELIVERED) {
                    outcomes.add(outcome);
                } else {
                    // the first of a key is retried alone; the rest of its key wait behind it, as one by one
                    outcomes.add(waiting.add(outcome.businessKey()) ? outcome : held(send.get(i)));
                }
            }
        }
        return outcomes;
    }

    private void record(String subscriber, List<DeliveryOutcome> outcomes, Set<String> withRows) {
        deadLetters.undelivered(subscriber, outcomes); // first: the ledger never shows a failure without its letter
        ledger.recordDeliveries(subscriber, outcomes, withRows);
        // A key's blocker may have been settled by the retry worker while this batch held messages behind it.
        outcomes.stream().filter(o -> o.status() == DeliveryStatus.HELD).map(DeliveryOutcome::businessKey).distinct()
                .forEach(key -> ledger.releaseNextHeld(subscriber, key));
    }

    /** The key's messages in order; after the first that does not go through, the rest wait behind it. */
    private List<DeliveryOutcome> deliverInOrder(Subscription subscription, List<DeliveryItem> messages, boolean wait) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(messages.size());
        for (DeliveryItem item : messages) {
            if (wait) {
                outcomes.add(held(item));
                continue;
            }
            DeliveryOutcome outcome = gateway.attempt(subscription, item, 0);
            outcomes.add(outcome);
            wait = outcome.status() != DeliveryStatus.DELIVERED;
        }
        return outcomes;
    }

    private static DeliveryOutcome held(DeliveryItem item) {
        return item.outcome(DeliveryStatus.HELD, 0, null, "waits behind an earlier message of "
                + item.envelope().businessKey(), null);
    }

    private Optional<Subscription> subscription(String subscriber, String entity) {
        Optional<Subscription> subscription = partners.partner(subscriber).flatMap(p -> p.subscription(entity));
        if (subscription.isEmpty()) {
            log.warn("{} no longer subscribes to {}; its messages are not delivered to it", subscriber, entity);
        }
        return subscription;
    }
}
