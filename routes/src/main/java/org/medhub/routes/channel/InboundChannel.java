package org.medhub.routes.channel;

import org.medhub.connectors.transport.Pickup;

/**
 * A way a partner's records reach the hub other than its own HTTP push: a watched folder, an SFTP
 * server the hub picks files up from, or a partner API the hub polls. Declared in the {@code channels:}
 * section of the partner's file; every channel ends in {@code direct:ingest} with the partner and
 * one of its message types.
 *
 * @param name the channel's name, unique within its partner's file
 * @param messageType the partner's message type every record of this channel is (a change feed, whose every table is a
 *     message type of its own, has none)
 * @param pickup the transport and its settings
 */
public record InboundChannel(String partner, String name, String messageType, Pickup pickup) {

    /** The route that serves this channel; stable, so that a reload can find and replace it. */
    public String routeId() {
        return routeId(partner, name);
    }

    public static String routeId(String partner, String channel) {
        return "channel-" + partner + "-" + channel;
    }
}
