package org.medhub.routes.partner;

import org.medhub.connectors.transport.Destination;
import org.medhub.routes.mapping.MappingSpec;

/**
 * A partner's subscription to a canonical entity.
 *
 * @param resilience the name of the retry profile (under {@code resilience4j.retry.instances})
 * @param mapping the outbound mapping that renders a record in the subscriber's format (JSON, XML, CSV), or
 *     null to deliver the canonical envelope as it is
 * @param batch the most records one request carries: 1 posts each envelope on its own; more posts a JSON
 *     array of envelopes, which the subscriber deduplicates by each one's {@code messageId}
 */
public record Subscription(String subscriber, String entity, Destination destination, String resilience, MappingSpec mapping,
        int batch) {

    /** The most records a batched request may carry: a bound on the request size, not a default. */
    public static final int MAX_BATCH = 1000;

    public boolean batched() {
        return batch > 1;
    }
}
