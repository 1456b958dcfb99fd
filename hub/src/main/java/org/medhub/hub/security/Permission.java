package org.medhub.hub.security;

/**
 * What a role allows; which roles have which permissions is configuration ({@code medhub.security.roles}), which
 * endpoint needs which permission is {@link SecurityConfiguration}'s.
 */
public enum Permission {
    /** Read messages, records, conflicts, the audit trail, change feeds, metrics and the API's documentation. */
    READ,
    /** Steer what the hub does with messages: stop, skip or retry a delivery, replay, pause or resume a change feed. */
    STEER,
    /** Decide conflicts (a signed decision): the quality approver's. */
    RESOLVE,
    /** Put partner files, mappings and change-feed sources in force; steer change feeds. */
    CONFIGURE,
    /** Manage people and their roles. */
    PEOPLE
}
