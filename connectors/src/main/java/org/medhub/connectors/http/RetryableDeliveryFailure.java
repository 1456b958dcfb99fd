package org.medhub.connectors.http;

import java.util.function.Predicate;

/**
 * For retry profiles ({@code retryExceptionPredicate}): retry what may succeed later, never a
 * record the subscriber refused.
 */
public class RetryableDeliveryFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof DeliveryFailedException delivery && delivery.retryable();
    }
}
