package org.medhub.routes.cdc;

import java.util.Map;
import java.util.Set;

/**
 * A table the legacy system writes events to (the transactional outbox): each inserted row is one event, its payload
 * a JSON document, its aggregate type naming the mapping it takes. Updates and deletes of the table (its own
 * housekeeping) are not events.
 *
 * @param idColumn the event's own id: the message id is made from it, so an event read twice is one message
 * @param routes by aggregate type, the message type (a mapping of the event) it becomes; an event of another type is
 *     held as a dead letter, to be replayed once a route for it is added
 */
public record Outbox(String idColumn, String aggregateTypeColumn, String aggregateIdColumn, String payloadColumn,
        Map<String, String> routes) {

    public Outbox {
        routes = Map.copyOf(routes);
    }

    public Set<String> columns() {
        return Set.of(idColumn, aggregateTypeColumn, aggregateIdColumn, payloadColumn);
    }
}
