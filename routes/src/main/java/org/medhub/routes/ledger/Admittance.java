package org.medhub.routes.ledger;

import java.util.Map;
import org.medhub.canonical.envelope.Envelope;

/**
 * A mapped envelope the hub has received or wants to publish, with where its raw bytes are and which
 * mapping rule made each of its fields.
 */
public record Admittance(Envelope envelope, String messageType, KafkaLocation raw, Map<String, String> lineage) {}
