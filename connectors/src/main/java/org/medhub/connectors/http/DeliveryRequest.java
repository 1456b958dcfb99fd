package org.medhub.connectors.http;

import java.net.URI;

/**
 * One record to deliver to a subscriber's HTTP endpoint.
 *
 * @param idempotencyKey sent as the {@code Idempotency-Key} header: the same on every attempt and
 *     every replay, so a subscriber that honours it applies the record once
 */
public record DeliveryRequest(URI url, byte[] body, String contentType, String idempotencyKey) {}
