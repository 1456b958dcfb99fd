package org.medhub.routes.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one kind of source record becomes: one canonical record of {@code entity} for each node
 * {@code forEach} selects (or one for the whole document without it).
 *
 * @param forEach the source records, a path from the document root; null for the document itself
 * @param sourceId the source's own id of the record, if it has one: it makes the message id
 * @param occurredAt the business time of the record, ISO-8601 with an offset (or made so by a {@code date} rule)
 * @param baseVersion the hub version of the record the source's update was based on, if the source echoes it:
 *     an update based on an older version is merged three ways
 * @param deleted whether the source record is a deletion (a boolean, e.g. a {@code when} on the source's action
 *     code): the record then needs its business key alone, and the hub deletes its record
 * @param partial the source sends only the fields it changes: a field left out is not missing (the record it
 *     is merged into is checked whole)
 * @param fields canonical field path ({@code lot}, {@code quantity.value}, or a list field) to its rule, in
 *     declaration order; for an outbound mapping, the target path in the subscriber's format to its rule
 */
public record RecordRule(String entity, String forEach, FieldRule sourceId, FieldRule occurredAt,
        FieldRule baseVersion, FieldRule deleted, boolean partial, Map<String, FieldRule> fields) {

    public RecordRule(String entity, String forEach, FieldRule sourceId, FieldRule occurredAt, Map<String, FieldRule> fields) {
        this(entity, forEach, sourceId, occurredAt, null, null, false, fields);
    }

    public RecordRule {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
