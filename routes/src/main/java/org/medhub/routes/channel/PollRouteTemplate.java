package org.medhub.routes.channel;

import org.apache.camel.builder.RouteBuilder;

/**
 * A timer per polled channel: at each tick {@link PartnerApiPoller} reads the partner's API from the
 * stored checkpoint, sends each record to {@code direct:ingest} and advances the checkpoint. A failed
 * poll (the partner's API or the hub unreachable) is logged and the next tick starts again from the
 * checkpoint that was stored.
 */
public class PollRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE = "partner-api-poll";
    public static final String PARTNER = "partner";
    public static final String CHANNEL = "channel";
    public static final String PERIOD_MS = "periodMs";
    /** The local bean holding the channel's {@link PartnerApiPoller}. */
    public static final String POLLER = "poller";

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(PARTNER, null, "id of the partner whose API is polled")
                .templateParameter(CHANNEL, null, "name of the channel in the partner's file")
                .templateParameter(PERIOD_MS, null, "milliseconds between polls")
                .from("timer:" + "{{" + PARTNER + "}}-{{" + CHANNEL + "}}?period={{" + PERIOD_MS + "}}&delay=0")
                .onException(Exception.class).handled(true)
                    .log(org.apache.camel.LoggingLevel.WARN, PollRouteTemplate.class.getName(),
                            "Poll of channel {{" + CHANNEL + "}} of partner {{" + PARTNER + "}} failed, "
                            + "the checkpoint stays where it was: ${exception.message}")
                .end()
                .process("{{" + POLLER + "}}");
    }
}
