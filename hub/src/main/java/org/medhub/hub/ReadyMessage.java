package org.medhub.hub;

import java.util.stream.Collectors;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.settings.MedhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the hub can be reached once it is, so that the first thing a person sees is how to use it. */
@Component
class ReadyMessage implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final LivePartners partners;
    private final MedhubProperties properties;

    ReadyMessage(LivePartners partners, MedhubProperties properties) {
        this.partners = partners;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "?");
        log.info("medhub is ready. API: http://localhost:{}/api  partners: {}  data: {}", port,
                partners.partners().stream().map(p -> p.id()).collect(Collectors.joining(", ")),
                properties.dataDir().toAbsolutePath().normalize());
    }
}
