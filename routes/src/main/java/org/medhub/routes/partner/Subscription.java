package org.medhub.routes.partner;

import java.net.URI;

/**
 * A partner's subscription to a canonical entity.
 *
 * @param resilience the name of the retry profile (under {@code resilience4j.retry.instances})
 */
public record Subscription(String subscriber, String entity, URI url, String resilience) {}
