package org.medhub.routes.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.connectors.transport.Delivery;
import org.medhub.connectors.transport.DeliveryFailedException;
import org.medhub.connectors.transport.Transports;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.OutboundRenderer;
import org.medhub.routes.partner.Subscription;

/** One delivery attempt to a subscriber, behind its circuit breaker, and what follows from it. */
public class SubscriberGateway {

    private final Transports transports;
    private final DeliveryPolicies policies;
    private final Clock clock;
    private final OutboundRenderer renderer = new OutboundRenderer();

    public SubscriberGateway(Transports transports, DeliveryPolicies policies, Clock clock) {
        this.transports = transports;
        this.policies = policies;
        this.clock = clock;
    }

    public DeliveryPolicy policy(Subscription subscription) {
        return policies.of(subscription.resilience());
    }

    /**
     * Tries once. A refusal (4xx) fails the message at once; any other failure is retried later, until
     * the profile's attempts are used up.
     *
     * @param attemptsBefore how often this message was tried before
     */
    public DeliveryOutcome attempt(Subscription subscription, DeliveryItem item, int attemptsBefore) {
        DeliveryPolicy policy = policy(subscription);
        int attempts = attemptsBefore + 1;
        Delivery request;
        try {
            request = request(subscription, item);
        } catch (RuntimeException e) {
            // the record cannot be put in the subscriber's format: trying again will not help
            return item.outcome(DeliveryStatus.FAILED, attempts, null, "mapping " + subscription.mapping().id()
                    + " cannot render it: " + e.getMessage(), null);
        }
        try {
            int status = policy.breaker().executeSupplier(() -> transports.send(subscription.destination(), request));
            return item.outcome(DeliveryStatus.DELIVERED, attempts, status, null, null);
        } catch (CallNotPermittedException e) {
            return retryOrFail(policy, item, attemptsBefore, "circuit open: " + subscription.subscriber()
                    + " failed too often lately; not called", true);
        } catch (DeliveryFailedException e) {
            return retryOrFail(policy, item, attempts, e.getMessage(), e.retryable());
        }
    }

    /**
     * Tries a batched subscription's records once, in one request: a JSON array of envelopes in their
     * order. They succeed or fail together. The Idempotency-Key names this set of messages; a set put
     * together differently after a restart has another, so the subscriber deduplicates by each
     * envelope's {@code messageId}.
     */
    public List<DeliveryOutcome> attemptAll(Subscription subscription, List<DeliveryItem> items) {
        DeliveryPolicy policy = policy(subscription);
        String key = "batch-" + MessageIds.ofBatch(items.stream().map(i -> i.envelope().messageId()).toList());
        Delivery request = new Delivery(array(items.stream().map(DeliveryItem::bytes).toList()), "application/json", key);
        try {
            int status = policy.breaker().executeSupplier(() -> transports.send(subscription.destination(), request));
            return items.stream().map(i -> i.outcome(DeliveryStatus.DELIVERED, 1, status, null, null)).toList();
        } catch (CallNotPermittedException e) {
            return items.stream().map(i -> retryOrFail(policy, i, 0, "circuit open: " + subscription.subscriber()
                    + " failed too often lately; not called", true)).toList();
        } catch (DeliveryFailedException e) {
            String error = e.getMessage() + " (in a batch of " + items.size() + ")";
            return items.stream().map(i -> retryOrFail(policy, i, 1, error, e.retryable())).toList();
        }
    }

    /**
     * The canonical envelope as it is (in an array of one for a batched subscription), or the record in
     * the subscriber's own format.
     */
    private Delivery request(Subscription subscription, DeliveryItem item) {
        String key = item.envelope().messageId();
        MappingSpec mapping = subscription.mapping();
        if (mapping == null) {
            byte[] body = subscription.batched() ? array(List.of(item.bytes())) : item.bytes();
            return new Delivery(body, "application/json", key);
        }
        byte[] body = renderer.render(mapping, item.envelope().payload());
        String type = switch (mapping.format()) {
            case XML -> "application/xml";
            case CSV -> "text/csv";
            default -> "application/json";
        };
        return new Delivery(body, type + "; charset=" + mapping.charsetOrUtf8().name(), key);
    }

    private static byte[] array(List<byte[]> envelopes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(envelopes.stream().mapToInt(e -> e.length + 1).sum() + 2);
        body.write('[');
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(envelopes.get(i));
        }
        body.write(']');
        return body.toByteArray();
    }

    private DeliveryOutcome retryOrFail(DeliveryPolicy policy, DeliveryItem item, int attempts, String error,
            boolean retryable) {
        if (!retryable || attempts >= policy.maxAttempts()) {
            String reason = retryable ? error + " (after " + attempts + " attempts)" : error;
            return item.outcome(DeliveryStatus.FAILED, attempts, null, reason, null);
        }
        return item.outcome(DeliveryStatus.RETRYING, attempts, null, error,
                clock.instant().plus(policy.backoff().apply(Math.max(attempts, 1))));
    }
}
