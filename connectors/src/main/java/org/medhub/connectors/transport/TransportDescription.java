package org.medhub.connectors.transport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A transport as a partner file uses it: its name ({@code type:} of a channel, {@code transport:} of a
 * subscription), which way records go, and every setting it takes.
 *
 * @param direction {@code inbound} (a channel's pickup) or {@code outbound} (a subscription's destination)
 */
public record TransportDescription(String name, String direction, String description, List<Setting> settings) {

    public TransportDescription {
        settings = List.copyOf(settings);
    }

    /** The keys its settings take in a partner file. */
    public Set<String> keys() {
        return settings.stream().map(Setting::key).collect(Collectors.toUnmodifiableSet());
    }
}
