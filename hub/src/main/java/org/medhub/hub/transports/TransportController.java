package org.medhub.hub.transports;

import java.util.List;
import org.medhub.connectors.transport.TransportDescription;
import org.medhub.hub.partner.TransportCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The transports a partner file can name, and every setting each takes, for the integration engineer. */
@RestController
class TransportController {

    record Transports(List<TransportDescription> transports) {}

    @GetMapping("/api/transports")
    Transports transports() {
        return new Transports(TransportCatalog.ALL);
    }
}
