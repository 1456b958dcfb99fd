package org.medhub.connectors.transport;

import java.util.Objects;

/**
 * A secret the hub presents to a partner's system (an SFTP password, an API token). Kept in memory
 * because it has to be sent; never printed: {@link #toString()} masks it, so a record holding one
 * can be logged or put in an exception message safely.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The secret itself: only for the protocol that sends it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
