package org.medhub.routes.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.medhub.connectors.customs.Receipt;

/**
 * What a receipt from customs does to a declaration: the versions it makes, in order. A receipt for a later state
 * takes the declaration there through the states in between ({@link ReceiptProgress}); every version carries what the
 * receipt says (the single window's number, the customs declaration number, the date of acceptance, the moment of
 * release) and the last one the receipt itself. A receipt already held, or one for a state the declaration has
 * passed, makes no version: customs repeats itself, and its messages overtake one another.
 */
public final class ReceiptEffects {

    private final ReceiptProgress progress;

    public ReceiptEffects(ReceiptProgress progress) {
        this.progress = progress;
    }

    /**
     * @param arrived when the hub got the receipt: its time when the receipt carries none
     * @return the new versions of the declaration, oldest first; empty when the receipt changes nothing
     */
    public List<ObjectNode> apply(ObjectNode declaration, Receipt receipt, OffsetDateTime arrived) {
        String current = declaration.path("status").asText();
        ObjectNode held = entry(receipt, arrived);
        if (holds(declaration, held)) {
            return List.of();
        }
        List<String> steps = progress.steps(current, receipt.status());
        if (steps.isEmpty() && !current.equals(receipt.status())) {
            return List.of(); // late: the declaration has passed the state this receipt tells of
        }
        if (steps.isEmpty()) {
            steps = List.of(current); // the same state again, with news (e.g. the single window's number)
        }
        List<ObjectNode> versions = new ArrayList<>();
        ObjectNode version = declaration;
        for (String step : steps) {
            version = version.deepCopy();
            version.put("status", step);
            putIfPresent(version, "seqNo", receipt.seqNo());
            putIfPresent(version, "entryId", receipt.entryId());
            if (receipt.at() != null) {
                if ("ACCEPTED".equals(step) && !version.has("declarationDate")) {
                    version.put("declarationDate", receipt.at().toLocalDate().toString());
                }
                if (("RELEASED".equals(step) || "CLEARED".equals(step)) && !version.has("releasedAt")) {
                    version.put("releasedAt", receipt.at().toString());
                }
            }
            versions.add(version);
        }
        ArrayNode receipts = version.has("receipts") ? (ArrayNode) version.get("receipts") : version.putArray("receipts");
        receipts.add(held);
        return versions;
    }

    /** The fields customs named in a rejection: what a person has to correct. */
    public static List<String> fieldsToCorrect(Receipt receipt) {
        return receipt.reasons().stream().map(Receipt.Reason::field).filter(f -> f != null && !f.isBlank()).distinct()
                .toList();
    }

    /** The receipt as the declaration keeps it. */
    static ObjectNode entry(Receipt receipt, OffsetDateTime arrived) {
        ObjectNode entry = org.medhub.canonical.envelope.CanonicalJson.mapper().createObjectNode();
        // an import response answers the submission and carries the single window's number only; a status result
        // comes from customs and carries the declaration number
        entry.put("receiptType", receipt.entryId() == null ? "IMPORT_RESPONSE" : "STATUS_RESULT");
        entry.put("responseCode", receipt.code() == null ? receipt.status() : receipt.code());
        if (!receipt.reasons().isEmpty()) {
            String text = receipt.reasons().stream()
                    .map(r -> r.field() == null ? r.text() : r.field() + ": " + r.text()).collect(Collectors.joining("; "));
            entry.put("message", text.length() > 2000 ? text.substring(0, 2000) : text);
        }
        putIfPresent(entry, "seqNo", receipt.seqNo());
        putIfPresent(entry, "entryId", receipt.entryId());
        entry.put("receivedAt", (receipt.at() != null ? receipt.at() : arrived).toString());
        return entry;
    }

    private static boolean holds(ObjectNode declaration, ObjectNode receipt) {
        for (JsonNode held : declaration.path("receipts")) {
            if (held.equals(receipt)) {
                return true;
            }
        }
        return false;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
