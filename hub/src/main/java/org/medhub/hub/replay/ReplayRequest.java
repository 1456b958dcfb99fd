package org.medhub.hub.replay;

import java.time.Instant;
import java.util.List;

/**
 * What to replay: some messages by id, or every message that fits the filter.
 *
 * @param from {@code raw}: map the stored raw bytes again with the current mapping (after a mapping fix);
 *     {@code canonical}: deliver the stored envelope again to one subscriber
 * @param force deliver even to a subscriber that already has the message (with the same Idempotency-Key)
 * @param rate messages per second at most
 */
record ReplayRequest(String from, List<String> messageIds, String partner, String entity, String status,
        String businessKey, Instant receivedFrom, Instant receivedUntil, String subscriber, boolean dryRun,
        boolean force, Integer rate) {

    static final int DEFAULT_RATE = 50;
    static final int MAX_MESSAGES = 100_000;

    int ratePerSecond() {
        return rate == null ? DEFAULT_RATE : rate;
    }

    /** Every problem with the request, for one answer. */
    List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (!"raw".equals(from) && !"canonical".equals(from)) {
            problems.add("from must be raw or canonical");
        }
        if ("canonical".equals(from) && (subscriber == null || subscriber.isBlank())) {
            problems.add("a replay from canonical delivers to one subscriber: name it in subscriber");
        }
        if ((messageIds == null || messageIds.isEmpty()) && partner == null && entity == null && status == null
                && businessKey == null && receivedFrom == null && receivedUntil == null) {
            problems.add("say what to replay: messageIds, or at least one of partner, entity, status, businessKey, receivedFrom, receivedUntil");
        }
        if (rate != null && (rate < 1 || rate > 1000)) {
            problems.add("rate must be between 1 and 1000 messages per second");
        }
        return problems;
    }
}
