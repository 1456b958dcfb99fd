package org.medhub.routes.channel;

import java.util.Optional;

/** Where a polled channel remembers how far it has read; implemented by the hub in its database. */
public interface CheckpointStore {

    Optional<String> checkpoint(String partner, String channel);

    /** Records that every record up to {@code checkpoint} was taken (accepted, a duplicate, or refused and recorded). */
    void advance(String partner, String channel, String checkpoint);
}
