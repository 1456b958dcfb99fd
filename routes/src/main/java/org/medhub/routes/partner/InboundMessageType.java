package org.medhub.routes.partner;

import org.medhub.routes.mapping.MappingSpec;

/** A kind of record a partner sends, in its own format, and how it maps to the canonical model. */
public record InboundMessageType(String name, String format, MappingSpec mapping) {}
