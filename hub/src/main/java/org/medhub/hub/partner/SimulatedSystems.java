package org.medhub.hub.partner;

import java.net.URI;

/**
 * Stand-ins for external systems in the sample configuration: a URL {@code simulator:<system>/<path>}
 * is served by a simulator of that system, started only when some configuration asks for it.
 */
public interface SimulatedSystems {

    String SCHEME = "simulator:";

    /** The real URL behind a {@code simulator:} URL, starting its simulator if needed. */
    URI resolve(String simulatorUrl);
}
