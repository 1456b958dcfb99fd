package org.medhub.hub.partner;

import io.github.resilience4j.springboot3.retry.autoconfigure.RetryProperties;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.routes.channel.ChannelRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    /** Reads {@code <config-dir>/partners/*.yml} and {@code <config-dir>/cdc/*.yml} each time it is asked: at start-up and at every reload. */
    @Bean
    PartnerFiles partnerFiles(MedhubProperties properties, Environment environment,
            RetryProperties retryProperties, SimulatedSystems simulators) {
        CredentialStore credentials = new CredentialStore(properties.dataDir().toAbsolutePath(),
                environment::getProperty, properties.partners().generateMissingSecrets());
        PartnerFileReader reader = new PartnerFileReader(environment::resolveRequiredPlaceholders, credentials,
                retryProperties.getInstances().keySet(), simulators, properties.inbound().maxBodySize().toBytes());
        return new PartnerFiles(properties.configDir().resolve("partners"), reader, properties.configDir().resolve("cdc"),
                new CdcFileReader(environment::resolveRequiredPlaceholders, credentials));
    }

    @Bean
    LivePartners partners(PartnerFiles partnerFiles) {
        return new LivePartners(partnerFiles.load());
    }

    @Bean
    PartnerRoutes partnerRoutes(LivePartners partners, ChannelRoutes channels) {
        return new PartnerRoutes(partners, channels);
    }

    @Bean
    PartnerReload partnerReload(PartnerFiles partnerFiles, LivePartners partners, PartnerRoutes routes,
            RawTopics topics) {
        return new PartnerReload(partnerFiles, partners, routes, topics);
    }
}
