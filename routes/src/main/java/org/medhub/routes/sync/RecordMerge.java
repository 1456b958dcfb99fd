package org.medhub.routes.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.SystemOfRecord;
import org.medhub.canonical.validation.Violation;

/**
 * Merges an update into the hub's current record, a top-level field at a time. A field the update
 * does not carry is left as it is (an update says what it changes, not what it forgets). When the
 * update was based on an older version, each field is merged three ways: changed only by the update,
 * it is taken; changed only since the base, it is kept; changed on both sides to different values, it
 * is a conflict.
 */
public final class RecordMerge {

    private RecordMerge() {}

    /**
     * @param current the current record, or null for a record new to the hub
     * @param base the record at the version the update was based on; null when the update is based on the
     *     current version or says nothing about its base
     * @param source the system the update comes from; {@link SystemOfRecord#HUB} (a person's decision) owns every field
     */
    public static MergeResult merge(EntityDefinition entity, ObjectNode current, ObjectNode base, ObjectNode incoming,
            SystemOfRecord source) {
        if (current == null) {
            List<String> fields = new ArrayList<>();
            incoming.fieldNames().forEachRemaining(fields::add);
            // a record new to the hub may be in any state: the hub may first hear of a batch once it is released
            return new MergeResult(incoming.deepCopy(), fields, List.of(), List.of(), Optional.empty());
        }
        ObjectNode merged = current.deepCopy();
        List<String> changed = new ArrayList<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Iterator<String> names = incoming.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            JsonNode theirs = incoming.get(field);
            JsonNode ours = current.get(field);
            if (theirs == null || theirs.isNull() || theirs.equals(ours)) {
                continue;
            }
            if (base != null) {
                JsonNode original = base.get(field);
                if (theirs.equals(original)) {
                    continue; // the update did not touch it; what changed since is newer
                }
                if (!java.util.Objects.equals(ours, original)) {
                    conflicts.add(new FieldConflict(field, original, ours, theirs));
                    continue;
                }
            }
            merged.set(field, theirs);
            changed.add(field);
        }
        List<String> notOwned = source == SystemOfRecord.HUB ? List.of()
                : changed.stream().filter(f -> entity.ownerOf(f) != source).toList();
        Optional<Violation> transition = entity.lifeCycle().filter(m -> changed.contains(m.field()))
                .flatMap(m -> m.check(current.path(m.field()).asText(null), merged.get(m.field()).asText()));
        return new MergeResult(merged, changed, conflicts, notOwned, transition);
    }
}
