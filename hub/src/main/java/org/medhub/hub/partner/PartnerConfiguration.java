package org.medhub.hub.partner;

import io.github.resilience4j.springboot3.retry.autoconfigure.RetryProperties;
import org.medhub.hub.MedhubProperties;
import org.medhub.hub.simulator.WireMockSimulators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean(destroyMethod = "close")
    WireMockSimulators simulators(MedhubProperties properties) {
        return new WireMockSimulators(properties.simulators().enabled());
    }

    @Bean
    PartnerRegistry partnerRegistry(MedhubProperties properties, Environment environment,
            RetryProperties retryProperties, WireMockSimulators simulators) {
        CredentialStore credentials = new CredentialStore(properties.dataDir().toAbsolutePath(),
                environment::getProperty, properties.partners().generateMissingSecrets());
        PartnerFileReader reader = new PartnerFileReader(environment::resolveRequiredPlaceholders, credentials,
                retryProperties.getInstances().keySet(), simulators);
        return PartnerRegistry.load(properties.configDir().resolve("partners"), reader);
    }
}
