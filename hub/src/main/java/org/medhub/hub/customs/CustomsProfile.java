package org.medhub.hub.customs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.medhub.connectors.customs.Dialect;
import org.medhub.connectors.transport.Destination;
import org.medhub.routes.customs.PreflightSettings;

/**
 * How the device maker declares to one customs authority: {@code <config-dir>/customs/<id>.yml}.
 *
 * @param partner the authority as a partner of kind CUSTOMS: its receipts arrive as that partner
 * @param submitTo the single window's endpoint, or the file-exchange folder its client sends from
 * @param attempts sends of one declaration before the hub gives up on a failure that may pass
 * @param receiptFolder the file-exchange folder the authority's receipts arrive in, or null
 * @param declarant the key the declarations are signed with
 * @param assembleOn the Shipment status at which a declaration is made for it, or null: only on demand
 * @param header the profile's fields of every declaration (declarant, agent, office, port, trade mode)
 * @param lineDefaults the profile's fields of every declaration line (duty mode, origin)
 */
public record CustomsProfile(String id, String name, String partner, Dialect dialect, Destination submitTo, int attempts,
        Duration pause, Path receiptFolder, KeyPair declarant, String assembleOn, ObjectNode header, ObjectNode lineDefaults,
        PreflightSettings preflight) {

    /** What a simulated single window is told of the profile it stands in for: the key it verifies signatures with. */
    public record Draft(String id, String url, String partner, Dialect dialect, KeyPair declarant) {}

    @Override
    public String toString() {
        return "CustomsProfile[" + id + ", " + dialect.name() + " at " + submitTo + "]"; // never the key
    }
}
