package org.medhub.connectors.http;

import java.net.URI;
import org.medhub.connectors.transport.Destination;

/** A subscriber's HTTP endpoint: {@code transport: http} (the default) with its {@code url}. */
public record HttpDestination(URI url) implements Destination {

    public static final String TRANSPORT = "http";

    @Override
    public String transport() {
        return TRANSPORT;
    }
}
