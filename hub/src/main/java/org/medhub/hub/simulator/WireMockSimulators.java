package org.medhub.hub.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.medhub.hub.partner.SimulatedSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated external systems for the sample configuration, served by WireMock on loopback. The
 * simulated ERP accepts every record posted to it, as a real ERP's inbound API would.
 */
public class WireMockSimulators implements SimulatedSystems, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WireMockSimulators.class);
    /** The ERP and a partner factory's API: both accept what is delivered to them. */
    private static final Set<String> SYSTEMS = Set.of("erp", "factory");

    private final boolean enabled;
    private final Map<String, WireMockServer> running = new LinkedHashMap<>();

    public WireMockSimulators(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public synchronized URI resolve(String simulatorUrl) {
        String rest = simulatorUrl.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String system = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        if (!enabled) {
            throw new IllegalArgumentException("'" + simulatorUrl + "' needs a simulator, but simulators are disabled "
                    + "(medhub.simulators.enabled=false): configure the real endpoint");
        }
        if (!SYSTEMS.contains(system)) {
            throw new IllegalArgumentException("there is no simulator of '" + system + "'; there are " + SYSTEMS);
        }
        WireMockServer server = running.computeIfAbsent(system, WireMockSimulators::start);
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static WireMockServer start(String system) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false))
                // its admin API (/__admin) would let any local process rewrite what the simulator answers: off
                .adminAuthenticator(request -> false));
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":true}")));
        log.info("Simulated {} listening on http://127.0.0.1:{}", system.toUpperCase(), server.port());
        return server;
    }

    @Override
    public synchronized void close() {
        running.values().forEach(WireMockServer::stop);
        running.clear();
    }
}
