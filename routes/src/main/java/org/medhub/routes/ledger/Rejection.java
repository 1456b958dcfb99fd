package org.medhub.routes.ledger;

/**
 * A message that failed before its canonical topic.
 *
 * @param raw where its bytes are kept, or null when they could not be kept
 */
public record Rejection(String messageId, String partner, String messageType, Stage stage, String reason,
        KafkaLocation raw) {}
