package org.medhub.routes.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.dictionary.SystemOfRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.PartnerKind;

/**
 * What becomes of an update to a record the hub holds: the merge, the entity's life cycle, the dictionary, and who
 * owns each field decide whether it is applied (and as which version, written by whom), flagged, left as a
 * conflict for a person, found to change nothing, or refused. Storage is the {@link RecordSync}'s; the decision is
 * made here alone.
 */
public final class SyncPolicy {

    /** The source of a person's decision (a resolved conflict): it owns every field. */
    public static final String HUB = "hub";

    /** What the hub does when a system changes a field another system owns (the dictionary says who owns what). */
    public enum Ownership {
        /** Apply the change and note it in the ledger for people to review. */
        FLAG,
        /** Refuse the update. */
        REFUSE
    }

    /**
     * The hub's version of a record: its number, its fields, and which source last wrote each field. A deleted record
     * has no fields and no writers; its version keeps counting when it comes back.
     */
    public record Current(long version, ObjectNode record, ObjectNode writers) {

        public boolean deleted() {
            return record.isEmpty();
        }
    }

    /** What to do with an update. */
    public sealed interface Decision {}

    /** Not applied: the life cycle, the dictionary or field ownership forbids it. */
    public record Refused(String reason, List<Violation> violations) implements Decision {}

    /** Fields changed on both sides since the update's base: for a person to decide. */
    public record Conflicted(MergeResult merge) implements Decision {}

    /** The record already says what the update says. */
    public record Unchanged() implements Decision {}

    /**
     * The new version to store.
     *
     * @param flag why people should look at it (fields another system owns were changed), or null
     */
    public record Applied(long version, ObjectNode record, ObjectNode writers, String flag) implements Decision {

        /** The record as the hub holds it once this is stored. */
        public Current current() {
            return new Current(version, record, writers);
        }
    }

    private final Ownership ownership;
    private final PartnerDirectory partners;

    public SyncPolicy(Ownership ownership, PartnerDirectory partners) {
        this.ownership = ownership;
        this.partners = partners;
    }

    /**
     * @param current the hub's version, or null for a record new to it
     * @param base the version the update was based on when it is older than the current one, else null
     */
    public Decision decide(Envelope update, Current current, ObjectNode base) {
        EntityDefinition entity = DataDictionary.standard().entity(update.entity()).orElseThrow();
        if (update.deleted()) {
            return deletion(update, current, entity);
        }
        SystemOfRecord source = systemOf(update.source());
        MergeResult merge = RecordMerge.merge(entity, current == null ? null : current.record(), base,
                (ObjectNode) update.payload(), source);
        if (merge.transition().isPresent()) {
            Violation refused = merge.transition().get();
            return new Refused(refused.message() + " (the hub has " + update.businessKey() + " at version "
                    + current.version() + ")", List.of(refused));
        }
        List<Violation> invalid = RecordValidator.validate(entity, merge.merged());
        if (!invalid.isEmpty()) {
            return new Refused(current == null
                    ? "a partial update cannot create " + update.businessKey() + ": the hub does not know it yet"
                    : "merged into version " + current.version() + ", the record breaks the dictionary", invalid);
        }
        if (!merge.notOwned().isEmpty() && ownership == Ownership.REFUSE) {
            List<Violation> violations = merge.notOwned().stream().map(f -> new Violation(f, "field-owner", null,
                    f + " is owned by " + entity.ownerOf(f) + "; " + update.source() + " (" + source + ") may not change it"))
                    .toList();
            return new Refused("the update changes fields other systems own: " + merge.notOwned(), violations);
        }
        if (!merge.conflicts().isEmpty()) {
            return new Conflicted(merge);
        }
        if (merge.changed().isEmpty()) {
            return new Unchanged();
        }
        ObjectNode writers = current == null ? CanonicalJson.mapper().createObjectNode() : current.writers().deepCopy();
        merge.changed().forEach(f -> writers.put(f, update.source()));
        String flag = merge.notOwned().isEmpty() ? null : "flagged: " + update.source() + " (" + source + ") changed "
                + merge.notOwned().stream().map(f -> f + " (owned by " + entity.ownerOf(f) + ")").toList();
        return new Applied(current == null ? 1 : current.version() + 1, merge.merged(), writers, flag);
    }

    /**
     * A deletion empties the record at a new version. Only master data is deleted (its topic is compacted, and the
     * tombstone takes the key off it); only a system that wrote the record, or a person, may delete it.
     */
    private Decision deletion(Envelope update, Current current, EntityDefinition entity) {
        if (!"master".equals(entity.kind())) {
            return new Refused(entity.name() + " is an event: events are kept, not deleted", List.of(new Violation("",
                    "deletion", null, "only master data may be deleted; " + entity.name() + " records are events")));
        }
        if (current == null || current.deleted()) {
            return new Unchanged();
        }
        Set<String> writers = new TreeSet<>();
        current.writers().elements().forEachRemaining(writer -> writers.add(writer.asText()));
        if (!HUB.equals(update.source()) && !writers.contains(update.source())) {
            String reason = update.source() + " may not delete " + update.businessKey() + ": only the systems that wrote it "
                    + writers + " may";
            return new Refused(reason, List.of(new Violation("", "deletion", null, reason)));
        }
        return new Applied(current.version() + 1, CanonicalJson.mapper().createObjectNode(),
                CanonicalJson.mapper().createObjectNode(), null);
    }

    /** The kind of system a source is, by its partner's kind: what field ownership is judged by. */
    public SystemOfRecord systemOf(String source) {
        if (HUB.equals(source)) {
            return SystemOfRecord.HUB;
        }
        PartnerKind kind = partners.partner(source).map(p -> p.kind()).orElse(PartnerKind.CONTRACT_MANUFACTURER);
        return switch (kind) {
            case ERP -> SystemOfRecord.ERP;
            case MES -> SystemOfRecord.MES;
            case QMS -> SystemOfRecord.QMS;
            case LIMS -> SystemOfRecord.LIMS;
            case WMS -> SystemOfRecord.WMS;
            case CUSTOMS -> SystemOfRecord.CUSTOMS;
            default -> SystemOfRecord.PARTNER;
        };
    }
}
