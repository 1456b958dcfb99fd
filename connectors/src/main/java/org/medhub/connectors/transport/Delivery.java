package org.medhub.connectors.transport;

/**
 * One record (or one batch of records) to hand to a subscriber, whatever the transport.
 *
 * @param idempotencyKey the same on every attempt and every replay, so a subscriber that honours it applies the
 *     record once
 */
public record Delivery(byte[] body, String contentType, String idempotencyKey) {}
