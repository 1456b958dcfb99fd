package org.medhub.routes.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connected partner factory or system, as declared in {@code config/partners/<id>.yml}.
 *
 * @param credentialRef where its inbound credential is kept ({@code env:NAME} or {@code file:PATH}), never the secret itself
 * @param messageTypes what it may send, by message type name
 * @param subscriptions the canonical entities delivered to it
 */
public record Partner(
        String id,
        String name,
        PartnerKind kind,
        String credentialRef,
        Map<String, InboundMessageType> messageTypes,
        List<Subscription> subscriptions) {

    public Optional<InboundMessageType> messageType(String name) {
        return Optional.ofNullable(messageTypes.get(name));
    }

    public Optional<Subscription> subscription(String entity) {
        return subscriptions.stream().filter(s -> s.entity().equals(entity)).findFirst();
    }
}
