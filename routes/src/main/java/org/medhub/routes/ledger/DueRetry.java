package org.medhub.routes.ledger;

/** A message whose time for another delivery attempt has come, claimed by this hub instance. */
public record DueRetry(String subscriber, String messageId, String businessKey, KafkaLocation canonical, int attempts,
        byte[] envelope) {}
