package org.medhub.routes.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.connectors.cdc.RowChange;

/**
 * What a change becomes on the source's raw topic: the document its message type's mapping reads, or why the table
 * leaves it out.
 *
 * @param messageType the table's (for an outbox: the route of the event's aggregate type)
 * @param refusal why the document cannot be mapped as it is (an outbox event of no known type, a payload that is not
 *     JSON): it is kept and recorded as a dead letter; null when it can
 */
record ChangeDocument(Outcome outcome, String messageType, ObjectNode body, String refusal) {

    enum Outcome {
        TAKEN,
        /** A row the table's {@code where} does not take. */
        FILTERED,
        /** A delete of a table that leaves deletes out, or an outbox's own housekeeping. */
        LEFT_OUT
    }

    private static final ChangeDocument FILTERED = new ChangeDocument(Outcome.FILTERED, null, null, null);
    private static final ChangeDocument LEFT_OUT = new ChangeDocument(Outcome.LEFT_OUT, null, null, null);

    /**
     * A row change as the table's mapping reads it: {@code id} (the change's log position), {@code table},
     * {@code operation}, {@code position}, {@code committedAt}, {@code row} and, for an update or a delete,
     * {@code changed}. An update carries its changed columns (and the identity columns) where the database logs the
     * row before it, so that the merge sees what the legacy system changed and nothing else; a delete carries the
     * identity columns and the table's {@code onDelete} values, or, where deletes are tombstones, the identity
     * columns and {@code deleted: true}.
     */
    static ChangeDocument of(RowChange change, CdcTable table) {
        if (table.outbox() != null) {
            return event(change, table);
        }
        if (!table.takes(change.row())) {
            return FILTERED;
        }
        Map<String, Object> row = change.row();
        List<String> changed = null;
        if (change.operation() == RowChange.Operation.UPDATE && change.before() != null) {
            changed = new ArrayList<>();
            Map<String, Object> partial = new LinkedHashMap<>();
            for (Map.Entry<String, Object> column : row.entrySet()) {
                boolean differs = !Objects.equals(column.getValue(), change.before().get(column.getKey()));
                if (differs) {
                    changed.add(column.getKey());
                }
                if (differs || table.identityColumns().contains(column.getKey())) {
                    partial.put(column.getKey(), column.getValue());
                }
            }
            row = partial;
        } else if (change.operation() == RowChange.Operation.DELETE) {
            if (table.onDelete().isEmpty() && !table.tombstone()) {
                return LEFT_OUT;
            }
            Map<String, Object> deleted = new LinkedHashMap<>();
            for (String column : table.identityColumns()) {
                deleted.put(column, row.get(column));
            }
            deleted.putAll(table.onDelete());
            changed = List.copyOf(table.onDelete().keySet());
            row = deleted;
        }
        ObjectNode body = common(change, change.changeId());
        body.set("row", CanonicalJson.mapper().valueToTree(row));
        if (changed != null) {
            body.set("changed", CanonicalJson.mapper().valueToTree(changed));
        }
        if (change.operation() == RowChange.Operation.DELETE && table.tombstone()) {
            body.put("deleted", true);
        }
        return new ChangeDocument(Outcome.TAKEN, table.name(), body, null);
    }

    /**
     * An outbox event as its route's mapping reads it: {@code id} (the event's own id), {@code aggregateType},
     * {@code aggregateId}, {@code committedAt} and {@code payload}, the event's JSON document.
     */
    private static ChangeDocument event(RowChange change, CdcTable table) {
        Outbox outbox = table.outbox();
        if (change.operation() != RowChange.Operation.INSERT && change.operation() != RowChange.Operation.SNAPSHOT) {
            return LEFT_OUT;
        }
        Map<String, Object> row = change.row();
        Object id = row.get(outbox.idColumn());
        String type = String.valueOf(row.get(outbox.aggregateTypeColumn()));
        ObjectNode body = common(change, id == null ? change.changeId() : table.name() + ":" + id);
        body.put("aggregateType", type);
        body.put("aggregateId", Objects.toString(row.get(outbox.aggregateIdColumn()), null));
        String refusal = null;
        Object payload = row.get(outbox.payloadColumn());
        try {
            JsonNode document = payload == null ? null : CanonicalJson.mapper().readTree(payload.toString());
            body.set("payload", document);
            if (document == null || !document.isObject()) {
                refusal = "the payload of outbox event " + id + " in " + table.name() + " is not a JSON object";
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body.put("payload", payload.toString());
            refusal = "the payload of outbox event " + id + " in " + table.name() + " is not JSON: " + e.getOriginalMessage();
        }
        String messageType = outbox.routes().get(type);
        if (messageType == null) {
            messageType = table.name();
            refusal = "outbox event " + id + " in " + table.name() + " is of aggregate type '" + type
                    + "', which no route of the table maps (it maps " + new java.util.TreeSet<>(outbox.routes().keySet())
                    + "); add one and replay it";
        }
        return new ChangeDocument(Outcome.TAKEN, messageType, body, refusal);
    }

    private static ObjectNode common(RowChange change, String id) {
        ObjectNode body = CanonicalJson.mapper().createObjectNode();
        body.put("id", id);
        body.put("table", change.table());
        body.put("operation", change.operation().name());
        body.set("position", CanonicalJson.mapper().valueToTree(change.position()));
        body.put("committedAt", change.committedAt().toString());
        return body;
    }
}
