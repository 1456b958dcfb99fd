package org.medhub.connectors.http;

import java.net.URI;
import java.util.List;
import org.medhub.connectors.transport.Destination;
import org.medhub.connectors.transport.Setting;
import org.medhub.connectors.transport.TransportDescription;

/** A subscriber's HTTP endpoint: {@code transport: http} (the default) with its {@code url}. */
public record HttpDestination(URI url) implements Destination {

    public static final String TRANSPORT = "http";

    public static final TransportDescription DESCRIPTION = new TransportDescription(TRANSPORT, "outbound",
            "each record POSTed to the subscriber's endpoint with an Idempotency-Key; 5xx, 408, 429, timeouts and lost"
                    + " connections are tried again, other 4xx are refusals",
            List.of(Setting.required("url", "url", "the endpoint; simulator:<system>/<path> starts a simulated one")));

    @Override
    public String transport() {
        return TRANSPORT;
    }
}
