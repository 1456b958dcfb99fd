package org.medhub.hub.replay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.people.ElectronicSignatures;

/**
 * What to replay: some messages by id, or every message that fits the filter.
 *
 * @param from {@code raw}: map the stored raw bytes again with the current mapping (after a mapping fix);
 *     {@code canonical}: deliver the stored envelope again to one subscriber
 * @param force deliver even to a subscriber that already has the message (with the same Idempotency-Key); signed
 * @param signature the operator's electronic signature, required to force
 * @param rate messages per second at most
 */
record ReplayRequest(String from, List<String> messageIds, String partner, String entity, String status,
        String businessKey, Instant receivedFrom, Instant receivedUntil, String subscriber, boolean dryRun,
        boolean force, Integer rate, ElectronicSignatures.Signature signature) {

    static final int DEFAULT_RATE = 50;
    static final int MAX_MESSAGES = 100_000;
    /** Names, keys and ids are short; longer is a mistake or an attack. */
    static final int MAX_TEXT = 300;

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
        if (status != null && !MessageStatusFilter.STATUSES.contains(status)) {
            problems.add("status '" + PrintableText.quote(status) + "' is not one of " + new TreeSet<>(MessageStatusFilter.STATUSES));
        }
        if (messageIds != null && messageIds.size() > MAX_MESSAGES) {
            problems.add("at most " + MAX_MESSAGES + " messageIds in one replay; it has " + messageIds.size());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("partner", partner);
        texts.put("entity", entity);
        texts.put("status", status);
        texts.put("businessKey", businessKey);
        texts.put("subscriber", subscriber);
        for (int i = 0; messageIds != null && i < messageIds.size() && i <= MAX_MESSAGES; i++) {
            texts.put("messageIds[" + i + "]", messageIds.get(i));
        }
        texts.forEach((field, value) -> PrintableText.check(field, value, MAX_TEXT).ifPresent(v -> problems.add(v.message())));
        return problems;
    }
}
