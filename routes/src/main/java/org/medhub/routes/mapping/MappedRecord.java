package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.validation.PrintableText;

/**
 * One canonical record a mapping made of a source document, valid by the data dictionary.
 *
 * @param entity the dictionary entity
 * @param canonical the record, typed by the dictionary
 * @param sourceId the source's own id of the record, if the mapping reads one
 * @param occurredAt the business time, with the offset the source gave (or the mapping's zone placed)
 * @param baseVersion the hub version the source's update was based on, if the mapping reads one
 * @param deleted the source deleted the record; {@code canonical} holds what identifies it
 * @param index the 0-based position of this record among all the document made
 * @param rule the record rule that made it, {@code records[1]}
 * @param mapping the id and version of the mapping
 * @param lineage for each canonical field path, the rule and the source value that made it
 */
public record MappedRecord(
        String entity,
        ObjectNode canonical,
        String sourceId,
        OffsetDateTime occurredAt,
        Long baseVersion,
        boolean deleted,
        int index,
        String rule,
        MappingRef mapping,
        Map<String, FieldLineage> lineage) {

    public MappedRecord {
        lineage = lineage == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lineage));
    }

    /** The lineage as short sentences, for a person or a ledger column. */
    public Map<String, String> lineageText() {
        Map<String, String> text = new LinkedHashMap<>();
        // a source value may hold what the ledger cannot (NUL) even where the mapping made a clean field of it
        lineage.forEach((field, origin) -> text.put(field, PrintableText.clean(origin.toString(), PrintableText.MAX_REASON)));
        return text;
    }
}
