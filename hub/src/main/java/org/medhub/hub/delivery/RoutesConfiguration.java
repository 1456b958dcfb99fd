package org.medhub.hub.delivery;

import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.medhub.connectors.http.HttpDelivery;
import org.medhub.hub.MedhubProperties;
import org.medhub.hub.partner.LivePartners;
import org.medhub.routes.ErrorHandling;
import org.medhub.routes.channel.ChannelRoutes;
import org.medhub.routes.channel.CheckpointStore;
import org.medhub.routes.channel.FilePickupRouteTemplates;
import org.medhub.routes.channel.PollRouteTemplate;
import org.medhub.routes.delivery.DeliveryRouteTemplate;
import org.medhub.routes.delivery.SubscriberDelivery;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes and route templates of the routes module. The routes made from partner files (one
 * delivery route per subscription, one route per inbound channel) are {@code PartnerRoutes}' work.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ErrorHandling errorHandling(Ledger ledger, Clock clock) {
        return new ErrorHandling(ledger, clock);
    }

    @Bean
    IngestRoute ingestRoute(LivePartners partners, Ledger ledger, Clock clock) {
        return new IngestRoute(partners, ledger, clock);
    }

    @Bean
    HttpDelivery httpDelivery(MedhubProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new HttpDelivery(client, properties.delivery().timeout());
    }

    @Bean
    DeliveryRouteTemplate deliveryRouteTemplate(LivePartners partners, Ledger ledger, HttpDelivery http,
            RetryRegistry retries) {
        return new DeliveryRouteTemplate(new SubscriberDelivery(partners, ledger, http, retries));
    }

    @Bean
    FilePickupRouteTemplates filePickupRouteTemplates(Ledger ledger) {
        return new FilePickupRouteTemplates(ledger);
    }

    @Bean
    PollRouteTemplate pollRouteTemplate() {
        return new PollRouteTemplate();
    }

    @Bean
    ChannelRoutes channelRoutes(CheckpointStore checkpoints) {
        // polled partner APIs: a redirect within https is followed, never one down to http
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new ChannelRoutes(checkpoints, client);
    }
}
