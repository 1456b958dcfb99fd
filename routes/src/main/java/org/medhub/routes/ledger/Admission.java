package org.medhub.routes.ledger;

/** Whether a mapped message is new to the hub, or one it has already published. */
public enum Admission {
    NEW,
    DUPLICATE
}
