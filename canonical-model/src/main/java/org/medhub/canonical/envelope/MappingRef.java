package org.medhub.canonical.envelope;

/** The mapping spec, and its version, that produced a canonical record. */
public record MappingRef(String id, int version) {}
