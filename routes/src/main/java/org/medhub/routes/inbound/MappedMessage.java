package org.medhub.routes.inbound;

import java.util.Map;
import org.medhub.canonical.envelope.Envelope;

/**
 * A canonical record on its way in, and why each of its fields is what it is.
 *
 * @param lineage for each canonical field path, the mapping rule and the source value that made it
 */
public record MappedMessage(Envelope envelope, Map<String, String> lineage) {}
