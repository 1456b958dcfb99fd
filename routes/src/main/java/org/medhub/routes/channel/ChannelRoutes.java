package org.medhub.routes.channel;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.poll.PartnerApiClient;
import org.medhub.connectors.transport.FilePickup;
import org.medhub.routes.cdc.CdcFeeds;
import org.medhub.routes.cdc.CdcSource;

/**
 * Makes the route of a configured channel from the template of its kind of pickup. A database's change feed is no
 * Camel route: Debezium's engine runs it, and {@link CdcFeeds} starts and stops it in the route's place.
 */
public class ChannelRoutes {

    private final CheckpointStore checkpoints;
    private final HttpClient http;
    private final CdcFeeds feeds;
    /** The sources of the change feeds started in place of routes, by route id. */
    private final Map<String, String> feedRoutes = new HashMap<>();
    private ProducerTemplate producer;

    /** @param feeds the change feeds; null where no channel is one (tests of other channels) */
    public ChannelRoutes(CheckpointStore checkpoints, HttpClient http, CdcFeeds feeds) {
        this.checkpoints = checkpoints;
        this.http = http;
        this.feeds = feeds;
    }

    /** Adds and starts the route of {@code channel}; its id is {@link InboundChannel#routeId()}. */
    public synchronized String add(CamelContext camel, InboundChannel channel) {
        TemplatedRouteBuilder route;
        if (channel.pickup() instanceof CdcSource source) {
            feeds.start(channel.partner(), source);
            feedRoutes.put(channel.routeId(), channel.partner());
            return channel.routeId();
        } else if (channel.pickup() instanceof FilePickup files) {
            route = TemplatedRouteBuilder.builder(camel, FilePickupRouteTemplates.TEMPLATE)
                    .parameter(FilePickupRouteTemplates.SOURCE, files.sourceUri())
                    .parameter(FilePickupRouteTemplates.REASONS, files.reasonsUri())
                    .parameter(FilePickupRouteTemplates.MAX_FILE_BYTES, files.maxFileBytes())
                    .parameter(FilePickupRouteTemplates.MESSAGE_TYPE, channel.messageType());
        } else if (channel.pickup() instanceof PartnerApi api) {
            route = TemplatedRouteBuilder.builder(camel, PollRouteTemplate.TEMPLATE)
                    .parameter(PollRouteTemplate.PERIOD_MS, api.interval().toMillis())
                    .bean(PollRouteTemplate.POLLER, new PartnerApiPoller(channel, new PartnerApiClient(api, http),
                            checkpoints, producer(camel)));
        } else {
            throw new IllegalArgumentException("no route serves a " + channel.pickup().transport() + " pickup");
        }
        return route.routeId(channel.routeId())
                .parameter(FilePickupRouteTemplates.PARTNER, channel.partner())
                .parameter(FilePickupRouteTemplates.CHANNEL, channel.name())
                .add();
    }

    /** Stops and removes a channel's route; false when there was none. */
    public synchronized boolean remove(CamelContext camel, String routeId) throws Exception {
        String source = feedRoutes.remove(routeId);
        if (source != null) {
            return feeds.stop(source);
        }
        if (camel.getRoute(routeId) == null) {
            return false;
        }
        camel.getRouteController().stopRoute(routeId);
        return camel.removeRoute(routeId);
    }

    private ProducerTemplate producer(CamelContext camel) {
        if (producer == null || producer.getCamelContext() != camel) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }
}
