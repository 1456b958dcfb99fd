package org.medhub.routes.ledger;

import java.util.List;

/** An envelope now on its canonical topic, and the subscribers it is owed to. */
public record Publication(String messageId, KafkaLocation canonical, List<String> subscribers) {}
