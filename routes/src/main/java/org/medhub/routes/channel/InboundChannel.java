package org.medhub.routes.channel;

/**
 * A way a partner's records reach the hub other than its own HTTP push: a watched folder, an SFTP
 * server the hub picks files up from, or a partner API the hub polls. Declared in the {@code channels:}
 * section of the partner's file; every channel ends in {@code direct:ingest} with the partner and
 * one of its message types.
 */
public sealed interface InboundChannel permits FileDropChannel, SftpChannel, PollChannel {

    /** The partner whose records arrive here. */
    String partner();

    /** The channel's name, unique within its partner's file. */
    String name();

    /** The partner's message type every record of this channel is. */
    String messageType();

    /** The route that serves this channel; stable, so that a reload can find and replace it. */
    default String routeId() {
        return routeId(partner(), name());
    }

    static String routeId(String partner, String channel) {
        return "channel-" + partner + "-" + channel;
    }
}
