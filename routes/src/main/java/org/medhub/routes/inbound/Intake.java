package org.medhub.routes.inbound;

/**
 * What a channel that answers its sender found when the record came in, kept as a header of the raw
 * record: the mapping pipeline publishes what was {@link #ACCEPTED}, and leaves the rest to the ledger
 * rows the intake already wrote. A raw record without the header (a bulk channel) is mapped by the
 * pipeline alone; a replay ignores the header.
 */
public enum Intake {
    ACCEPTED,
    DUPLICATE,
    REJECTED
}
