package org.medhub.connectors.transport;

/**
 * Where a subscription's records go, as its partner file says: a value (a record), so that a reload can tell an
 * unchanged subscription from a changed one. Each transport knows its own kind of destination.
 */
public interface Destination {

    /** The transport's name in a partner file: {@code transport: http}. */
    String transport();
}
