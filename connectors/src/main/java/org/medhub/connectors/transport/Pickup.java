package org.medhub.connectors.transport;

/**
 * Where and how the hub picks up a partner's records other than by the partner's own HTTP push: a watched folder,
 * the partner's SFTP server, its polled API, and later a database's change feed. The settings of one transport, read
 * from the {@code channels:} section of a partner file.
 */
public interface Pickup {

    /** The transport's name in a partner file: {@code type: file}. */
    String transport();
}
