package org.medhub.connectors.transport;

/**
 * A record could not be delivered. {@code retryable} says whether trying again later may help
 * (timeouts, connection errors, 5xx, 408, 429) or not (other 4xx: the subscriber refused it).
 */
public class DeliveryFailedException extends RuntimeException {

    private final boolean retryable;

    public DeliveryFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
