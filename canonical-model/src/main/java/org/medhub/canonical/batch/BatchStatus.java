package org.medhub.canonical.batch;

/** Life of a lot, from planning to recall. */
public enum BatchStatus {
    PLANNED,
    IN_PRODUCTION,
    QUARANTINE,
    RELEASED,
    REJECTED,
    SHIPPED,
    RECALLED
}
