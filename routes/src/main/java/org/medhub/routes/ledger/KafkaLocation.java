package org.medhub.routes.ledger;

/** Where a record sits in Kafka. */
public record KafkaLocation(String topic, int partition, long offset) {}
