package org.medhub.routes.ledger;

import org.medhub.canonical.envelope.Envelope;

/** A mapped envelope the pipeline wants to publish, with where its raw bytes are. */
public record Admittance(Envelope envelope, String messageType, KafkaLocation raw) {}
