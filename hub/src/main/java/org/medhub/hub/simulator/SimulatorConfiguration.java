package org.medhub.hub.simulator;

import org.medhub.hub.settings.MedhubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    WireMockSimulators simulators(MedhubProperties properties) {
        return new WireMockSimulators(properties.simulators().enabled());
    }
}
