package org.medhub.routes.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.builder.RouteBuilder;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.DueRetry;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.Subscription;

/**
 * Tries again the messages whose time has come, at most one per business key (the others of the key
 * wait behind it). Every hub instance runs it; the ledger hands each due message to one instance for a
 * lease, so nothing is tried twice at once and nothing is lost when an instance dies.
 */
public class DeliveryRetryRoute extends RouteBuilder {

    static final int CLAIM = 100;

    private final PartnerDirectory partners;
    private final Ledger ledger;
    private final SubscriberGateway gateway;
    private final DeadLetters deadLetters;
    private final Duration period;
    private final Duration lease;

    public DeliveryRetryRoute(PartnerDirectory partners, Ledger ledger, SubscriberGateway gateway,
            DeadLetters deadLetters, Duration period, Duration lease) {
        this.partners = partners;
        this.ledger = ledger;
        this.gateway = gateway;
        this.deadLetters = deadLetters;
        this.period = period;
        this.lease = lease;
    }

    @Override
    public void configure() {
        from("timer:medhub-delivery-retries?delay=1000&period=" + period.toMillis())
                .routeId("delivery-retries")
                .process(exchange -> retryDue());
    }

    void retryDue() {
        List<DueRetry> due = ledger.claimDueRetries(CLAIM, lease);
        Map<String, List<CompletableFuture<DeliveryOutcome>>> bySubscriber = new LinkedHashMap<>();
        for (DueRetry retry : due) {
            Envelope envelope = CanonicalJson.fromBytes(retry.envelope(), Envelope.class);
            DeliveryItem item = new DeliveryItem(envelope, retry.envelope(), retry.canonical());
            Optional<Subscription> subscription = partners.partner(retry.subscriber()).flatMap(p -> p.subscription(envelope.entity()));
            CompletableFuture<DeliveryOutcome> outcome = subscription.isEmpty()
                    ? CompletableFuture.completedFuture(item.outcome(DeliveryStatus.SKIPPED, retry.attempts(), null,
                            retry.subscriber() + " no longer subscribes to " + envelope.entity(), null))
                    : CompletableFuture.supplyAsync(() -> gateway.attempt(subscription.get(), item, retry.attempts()),
                            gateway.policy(subscription.get()).workers());
            bySubscriber.computeIfAbsent(retry.subscriber(), s -> new ArrayList<>()).add(outcome);
        }
        bySubscriber.forEach((subscriber, futures) -> {
            List<DeliveryOutcome> outcomes = futures.stream().map(CompletableFuture::join).toList();
            deadLetters.undelivered(subscriber, outcomes);
            ledger.recordRetries(subscriber, outcomes);
            outcomes.stream()
                    .filter(o -> o.status() == DeliveryStatus.DELIVERED || o.status() == DeliveryStatus.SKIPPED)
                    .forEach(o -> ledger.releaseNextHeld(subscriber, o.businessKey()));
        });
    }
}
