package org.medhub.connectors.transport;

import java.util.List;

/** The outbound transports the hub has: a subscription's destination picks its transport. */
public final class Transports implements OutboundTransport {

    private final List<OutboundTransport> transports;

    public Transports(List<OutboundTransport> transports) {
        this.transports = List.copyOf(transports);
    }

    @Override
    public Class<? extends Destination> serves() {
        return Destination.class;
    }

    /** @throws DeliveryFailedException, not retryable, when no transport serves the destination */
    @Override
    public int send(Destination to, Delivery delivery) {
        for (OutboundTransport transport : transports) {
            if (transport.serves().isInstance(to)) {
                return transport.send(to, delivery);
            }
        }
        throw new DeliveryFailedException("no transport serves " + to, false, null);
    }
}
