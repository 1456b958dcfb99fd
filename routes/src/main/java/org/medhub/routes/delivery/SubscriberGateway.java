package org.medhub.routes.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import org.medhub.connectors.http.DeliveryFailedException;
import org.medhub.connectors.http.DeliveryRequest;
import org.medhub.connectors.http.HttpDelivery;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.OutboundRenderer;
import org.medhub.routes.partner.Subscription;

/** One delivery attempt to a subscriber, behind its circuit breaker, and what follows from it. */
public class SubscriberGateway {

    private final HttpDelivery http;
    private final DeliveryPolicies policies;
    private final Clock clock;
    private final OutboundRenderer renderer = new OutboundRenderer();

    public SubscriberGateway(HttpDelivery http, DeliveryPolicies policies, Clock clock) {
        this.http = http;
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
        DeliveryRequest request;
        try {
            request = request(subscription, item);
        } catch (RuntimeException e) {
            // the record cannot be put in the subscriber's format: trying again will not help
            return item.outcome(DeliveryStatus.FAILED, attempts, null, "mapping " + subscription.mapping().id()
                    + " cannot render it: " + e.getMessage(), null);
        }
        try {
            int status = policy.breaker().executeSupplier(() -> http.send(request));
            return item.outcome(DeliveryStatus.DELIVERED, attempts, status, null, null);
        } catch (CallNotPermittedException e) {
            return retryOrFail(policy, item, attemptsBefore, "circuit open: " + subscription.subscriber()
                    + " failed too often lately; not called", true);
        } catch (DeliveryFailedException e) {
            return retryOrFail(policy, item, attempts, e.getMessage(), e.retryable());
        }
    }

    /** The canonical envelope as it is, or the record in the subscriber's own format. */
    private DeliveryRequest request(Subscription subscription, DeliveryItem item) {
        String key = item.envelope().messageId();
        MappingSpec mapping = subscription.mapping();
        if (mapping == null) {
            return new DeliveryRequest(subscription.url(), item.bytes(), "application/json", key);
        }
        byte[] body = renderer.render(mapping, item.envelope().payload());
        String type = switch (mapping.format()) {
            case XML -> "application/xml";
            case CSV -> "text/csv";
            default -> "application/json";
        };
        return new DeliveryRequest(subscription.url(), body, type + "; charset=" + mapping.charsetOrUtf8().name(), key);
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
