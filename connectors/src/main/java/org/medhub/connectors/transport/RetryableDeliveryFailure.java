package org.medhub.connectors.transport;

import java.util.function.Predicate;

/**
 * For circuit breakers ({@code recordFailurePredicate}): what says the subscriber is unwell (it
 * cannot be reached, it answers 5xx), not a record it refused.
 */
public class RetryableDeliveryFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof DeliveryFailedException delivery && delivery.retryable();
    }
}
