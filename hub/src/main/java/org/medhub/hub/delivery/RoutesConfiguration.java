package org.medhub.hub.delivery;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medhub.connectors.file.FolderTransport;
import org.medhub.connectors.http.HttpTransport;
import org.medhub.connectors.transport.Transports;
import org.medhub.hub.cdc.CdcMetrics;
import org.medhub.hub.overview.OverviewMetrics;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.hub.topics.KafkaConnection;
import org.medhub.routes.cdc.CdcFeeds;
import org.medhub.routes.cdc.TableStates;
import org.medhub.routes.channel.ChannelRoutes;
import org.medhub.routes.channel.CheckpointStore;
import org.medhub.routes.channel.FilePickupRouteTemplates;
import org.medhub.routes.channel.PollRouteTemplate;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.delivery.DeliveryBatchProcessor;
import org.medhub.routes.delivery.DeliveryRetryRoute;
import org.medhub.routes.delivery.DeliveryRouteTemplate;
import org.medhub.routes.delivery.SubscriberGateway;
import org.medhub.routes.inbound.ErrorHandling;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.medhub.routes.pipeline.MappingPipelineTemplate;
import org.medhub.routes.pipeline.RawBatchProcessor;
import org.medhub.routes.sync.RecordSync;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes and route templates of the routes module, wired: the intake, the retry worker, and the
 * templates of which {@code PartnerRoutes} makes a mapping pipeline per sending partner, a delivery
 * route per subscription and a route per inbound channel.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One idempotent producer for every write of the hub: acks from all replicas, no duplicates on retry. */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> kafkaProducer(KafkaConnection kafka, MedhubProperties properties) {
        return new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) properties.pipeline().linger().toMillis(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) properties.topics().maxRecordSize().toBytes(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.CLIENT_ID_CONFIG, "medhub")));
    }

    /** Camel's Kafka consumers sign in as the hub's own clients do. */
    @Bean
    ComponentCustomizer kafkaComponentSecurity(KafkaConnection kafka) {
        return ComponentCustomizer.forType(KafkaComponent.class,
                component -> component.getConfiguration().setAdditionalProperties(new java.util.HashMap<>(kafka.security())));
    }

    @Bean
    KafkaWriter kafkaWriter(Producer<String, byte[]> producer) {
        return new KafkaWriter(producer);
    }

    @Bean
    RecordMapping recordMapping(LivePartners partners, CanonicalLookup lookup, Clock clock) {
        return new RecordMapping(partners, lookup, clock);
    }

    @Bean
    DeadLetters deadLetters(KafkaWriter kafka, Ledger ledger, Clock clock, MedhubProperties properties) {
        return new DeadLetters(kafka, ledger, clock, properties.deadLetters().maxInlineSize().toBytes());
    }

    @Bean
    ErrorHandling errorHandling(DeadLetters deadLetters) {
        return new ErrorHandling(deadLetters);
    }

    @Bean
    IngestRoute ingestRoute(RecordMapping mapping, Ledger ledger, KafkaWriter kafka) {
        return new IngestRoute(mapping, ledger, kafka);
    }

    @Bean
    CanonicalPublisher canonicalPublisher(Ledger ledger, RecordSync sync, KafkaWriter kafka, DeadLetters deadLetters,
            LivePartners partners, CdcMetrics cdcMetrics, CdcFeeds feeds, OverviewMetrics overview) {
        return new CanonicalPublisher(ledger, sync, kafka, deadLetters, partners, published -> {
            cdcMetrics.published(published, feeds);
            overview.published(published);
        });
    }

    @Bean
    CdcMetrics cdcMetrics(MeterRegistry registry, Clock clock) {
        return new CdcMetrics(registry, clock);
    }

    @Bean
    MappingPipelineTemplate mappingPipelineTemplate(RecordMapping mapping, CanonicalPublisher publisher,
            DeadLetters deadLetters, MedhubProperties properties) {
        return new MappingPipelineTemplate(new RawBatchProcessor(mapping, publisher, deadLetters),
                properties.pipeline().batchConsumers());
    }

    /** Every way the hub hands records to subscribers; a subscription's destination picks one. */
    @Bean
    Transports transports(MedhubProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Transports(List.of(new HttpTransport(client, properties.delivery().timeout()), new FolderTransport()));
    }

    @Bean(destroyMethod = "close")
    ResilienceDeliveryPolicies deliveryPolicies(RetryRegistry retries, CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads) {
        return new ResilienceDeliveryPolicies(retries, breakers, bulkheads);
    }

    @Bean
    SubscriberGateway subscriberGateway(Transports transports, ResilienceDeliveryPolicies policies, Clock clock) {
        return new SubscriberGateway(transports, policies, clock);
    }

    @Bean
    DeliveryRouteTemplate deliveryRouteTemplate(LivePartners partners, Ledger ledger, SubscriberGateway gateway,
            DeadLetters deadLetters, MedhubProperties properties) {
        return new DeliveryRouteTemplate(new DeliveryBatchProcessor(partners, ledger, gateway, deadLetters),
                properties.pipeline().batchConsumers());
    }

    @Bean
    DeliveryRetryRoute deliveryRetryRoute(LivePartners partners, Ledger ledger, SubscriberGateway gateway,
            DeadLetters deadLetters, MedhubProperties properties) {
        return new DeliveryRetryRoute(partners, ledger, gateway, deadLetters,
                properties.delivery().retryPeriod(), properties.delivery().retryLease());
    }

    @Bean
    FilePickupRouteTemplates filePickupRouteTemplates(DeadLetters deadLetters) {
        return new FilePickupRouteTemplates(deadLetters);
    }

    @Bean
    PollRouteTemplate pollRouteTemplate() {
        return new PollRouteTemplate();
    }

    @Bean(destroyMethod = "close")
    CdcFeeds cdcFeeds(KafkaWriter kafka, DeadLetters deadLetters, TableStates tableStates, DataSource dataSource,
            Clock clock, CdcMetrics metrics, MedhubProperties properties) {
        return new CdcFeeds(kafka, deadLetters, tableStates, dataSource, clock, metrics, properties.cdc().claimInterval());
    }

    @Bean
    ChannelRoutes channelRoutes(CheckpointStore checkpoints, CdcFeeds feeds) {
        // polled partner APIs: a redirect within https is followed, never one down to http
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new ChannelRoutes(checkpoints, client, feeds);
    }
}
