package org.medhub.routes.ledger;

/** A canonical message a subscriber's delivery stage has read, before it is delivered. */
public record DeliveryCandidate(String messageId, String businessKey, KafkaLocation canonical) {}
