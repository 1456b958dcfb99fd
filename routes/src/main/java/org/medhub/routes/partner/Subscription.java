package org.medhub.routes.partner;

import java.net.URI;
import org.medhub.routes.mapping.MappingSpec;

/**
 * A partner's subscription to a canonical entity.
 *
 * @param resilience the name of the retry profile (under {@code resilience4j.retry.instances})
 * @param mapping the outbound mapping that renders a record in the subscriber's format (JSON, XML, CSV), or
 *     null to deliver the canonical envelope as it is
 */
public record Subscription(String subscriber, String entity, URI url, String resilience, MappingSpec mapping) {

    public Subscription(String subscriber, String entity, URI url, String resilience) {
        this(subscriber, entity, url, resilience, null);
    }
}
