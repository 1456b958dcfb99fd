package org.medhub.hub.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.routes.channel.ChannelRoutes;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.delivery.DeliveryRouteTemplate;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.partner.Subscription;
import org.medhub.routes.pipeline.MappingPipelineTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that partner files make: one delivery route per subscription and one route per inbound
 * channel. Started with Camel for the configuration in force; on a reload, the routes of removed and
 * changed partners are stopped and those of added and changed partners started, while every other
 * route keeps running.
 */
public class PartnerRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PartnerRoutes.class);

    private final LivePartners partners;
    private final ChannelRoutes channels;
    private CamelContext camel;

    PartnerRoutes(LivePartners partners, ChannelRoutes channels) {
        this.partners = partners;
        this.channels = channels;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the routes need a started context: they are added afterwards
    }

    @Override
    public synchronized void afterApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        PartnerRegistry registry = partners.current();
        List<String> failures = start(registry, registry.partners().stream().map(p -> p.id()).toList());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("partner routes could not start: " + failures);
        }
    }

    /** Stops and removes every route of these partners as {@code registry} declares them. */
    synchronized void stop(PartnerRegistry registry, Collection<String> partnerIds) {
        requireStarted();
        for (String id : partnerIds) {
            for (String routeId : routeIds(registry, id)) {
                try {
                    if (channels.remove(camel, routeId)) {
                        log.info("Stopped route {}", routeId);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop route " + routeId + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Adds and starts every route of these partners as {@code registry} declares them; answers what failed. */
    synchronized List<String> start(PartnerRegistry registry, Collection<String> partnerIds) {
        requireStarted();
        List<String> failures = new ArrayList<>();
        for (String id : partnerIds) {
            registry.partner(id).filter(partner -> !partner.messageTypes().isEmpty()).ifPresent(partner -> {
                try {
                    TemplatedRouteBuilder.builder(camel, MappingPipelineTemplate.TEMPLATE)
                            .routeId(MappingPipelineTemplate.routeId(partner.id()))
                            .parameter(MappingPipelineTemplate.PARTNER, partner.id())
                            .add();
                } catch (RuntimeException e) {
                    failures.add(failure(MappingPipelineTemplate.routeId(partner.id()), e));
                }
            });
            registry.partner(id).ifPresent(partner -> partner.subscriptions().forEach(subscription -> {
                try {
                    String topic = topic(subscription);
                    TemplatedRouteBuilder.builder(camel, DeliveryRouteTemplate.TEMPLATE)
                            .routeId(DeliveryRouteTemplate.routeId(subscription.subscriber(), topic))
                            .parameter(DeliveryRouteTemplate.SUBSCRIBER, subscription.subscriber())
                            .parameter(DeliveryRouteTemplate.TOPIC, topic)
                            .add();
                } catch (RuntimeException e) {
                    failures.add(failure(DeliveryRouteTemplate.routeId(subscription.subscriber(), topic(subscription)), e));
                }
            }));
            for (InboundChannel channel : registry.channels(id)) {
                try {
                    channels.add(camel, channel);
                    log.info("Started channel {} of partner {} ({})", channel.name(), id, channel.pickup().transport());
                } catch (RuntimeException e) {
                    failures.add(failure(channel.routeId(), e));
                }
            }
        }
        return failures;
    }

    /** Each of the partner's routes by id, with its status (Started, Suspended, …; Stopped when the hub has none). */
    public Map<String, String> statuses(PartnerRegistry registry, String partnerId) {
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        for (String routeId : routeIds(registry, partnerId)) {
            org.apache.camel.ServiceStatus status = camel == null ? null : camel.getRouteController().getRouteStatus(routeId);
            statuses.put(routeId, status == null ? "Stopped" : status.name());
        }
        return statuses;
    }

    /**
     * Suspends or resumes one of the partner's routes on this instance: the route is stopped (its batch in hand
     * finished, its Kafka consumer closed at its committed place) and started again; Camel's suspension of a Kafka
     * consumer only pauses it at its next poll, so records fetched meanwhile would still go through. A reload that
     * changes the partner makes its routes afresh, started; a reload that leaves it unchanged leaves them be.
     *
     * @return false when the route is not the partner's
     */
    public synchronized boolean suspend(PartnerRegistry registry, String partnerId, String routeId, boolean suspend) {
        requireStarted();
        if (!routeIds(registry, partnerId).contains(routeId)) {
            return false;
        }
        try {
            if (suspend) {
                camel.getRouteController().stopRoute(routeId);
            } else {
                camel.getRouteController().startRoute(routeId);
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("route " + routeId + " could not be " + (suspend ? "suspended" : "resumed")
                    + ": " + e.getMessage(), e);
        }
    }

    private void requireStarted() {
        if (camel == null) {
            throw new IllegalStateException("the hub is still starting: its routes are not running yet");
        }
    }

    static List<String> routeIds(PartnerRegistry registry, String partnerId) {
        List<String> ids = new ArrayList<>();
        registry.partner(partnerId).filter(partner -> !partner.messageTypes().isEmpty())
                .ifPresent(partner -> ids.add(MappingPipelineTemplate.routeId(partner.id())));
        registry.partner(partnerId).ifPresent(partner -> partner.subscriptions().forEach(subscription ->
                ids.add(DeliveryRouteTemplate.routeId(subscription.subscriber(), topic(subscription)))));
        registry.channels(partnerId).forEach(channel -> ids.add(channel.routeId()));
        return ids;
    }

    private static String topic(Subscription subscription) {
        return Topics.canonical(DataDictionary.standard().entity(subscription.entity()).orElseThrow().topic());
    }

    private static String failure(String routeId, RuntimeException e) {
        log.error("Route {} could not start", routeId, e);
        return routeId + ": " + e.getMessage();
    }
}
