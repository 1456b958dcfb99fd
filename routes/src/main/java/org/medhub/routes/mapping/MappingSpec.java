package org.medhub.routes.mapping;

import java.util.Map;

/**
 * A declarative mapping from one partner record format to one canonical entity.
 *
 * @param sourceId JSONPath of the source's own record id, if it has one: it makes the message id
 * @param occurredAt JSONPath of the business time (ISO-8601 with offset), if the source gives one
 * @param fields canonical field name to the rule that fills it, in declaration order
 */
public record MappingSpec(
        String id, int version, String entity, String sourceId, String occurredAt, Map<String, FieldRule> fields) {}
