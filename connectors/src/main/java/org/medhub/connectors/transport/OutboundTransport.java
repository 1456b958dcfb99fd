package org.medhub.connectors.transport;

/** A protocol that hands records to subscribers: HTTP today; customs and file exchange next. */
public interface OutboundTransport {

    /** The kind of destination this transport serves. */
    Class<? extends Destination> serves();

    /**
     * One attempt; when to try again is the caller's decision.
     *
     * @return the receiver's acknowledgement, as a status code of the protocol (for HTTP, its 2xx status)
     * @throws DeliveryFailedException saying whether trying again may help
     */
    int send(Destination to, Delivery delivery);
}
