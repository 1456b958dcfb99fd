package org.medhub.routes.ledger;

/** The stages a message passes through the hub, in order. */
public enum Stage {
    /** The raw bytes are on the partner's raw topic. */
    RECEIVED,
    /** Mapped to a canonical record and valid by the dictionary. */
    MAPPED,
    /** On its canonical topic. */
    PUBLISHED,
    /** Accepted by one subscriber. */
    DELIVERED,
    /** The same message arrived again and was not published twice. */
    DUPLICATE
}
