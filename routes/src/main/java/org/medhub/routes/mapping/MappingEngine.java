package org.medhub.routes.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.mapping.internal.RecordMaker;
import org.medhub.routes.mapping.internal.RuleEvaluator;
import org.medhub.routes.mapping.internal.SourceDocument;
import org.medhub.routes.mapping.internal.SourceNode;
import org.medhub.routes.mapping.internal.Sources;

/**
 * Maps a source document to canonical records by an inbound {@link MappingSpec}, and checks every record it
 * makes against the data dictionary. A document maps whole or not at all: every problem of every record is
 * reported in one {@link MappingException}, each with its place in the source. Thread-safe; one engine serves
 * every mapping.
 */
public final class MappingEngine {

    private final DataDictionary dictionary;
    private final CanonicalLookup lookup;

    /** An engine on the standard dictionary that knows no canonical records (lookup rules fail). */
    public MappingEngine() {
        this(DataDictionary.standard(), CanonicalLookup.none());
    }

    public MappingEngine(CanonicalLookup lookup) {
        this(DataDictionary.standard(), lookup);
    }

    public MappingEngine(DataDictionary dictionary, CanonicalLookup lookup) {
        this.dictionary = dictionary;
        this.lookup = lookup;
    }

    /**
     * The canonical records {@code source} makes, in the order of the record rules and, within a rule, of the
     * source; empty when no rule selects anything.
     *
     * @throws MappingException when the document cannot be read, or any record breaks a rule of the mapping or
     *     of the dictionary
     */
    public List<MappedRecord> map(MappingSpec spec, byte[] source) {
        return run(spec, source, true);
    }

    /** Maps without checking the records against the dictionary: what the source readers find, for their tests. */
    List<MappedRecord> mapUnchecked(MappingSpec spec, byte[] source) {
        return run(spec, source, false);
    }

    private List<MappedRecord> run(MappingSpec spec, byte[] source, boolean check) {
        if (spec.direction() != MappingSpec.Direction.INBOUND) {
            throw new IllegalArgumentException("mapping " + spec.id() + " is outbound: render records with OutboundRenderer");
        }
        SourceDocument document = Sources.read(spec, source);
        RuleEvaluator evaluator = new RuleEvaluator(document, spec, lookup);
        RecordMaker maker = new RecordMaker(evaluator);
        List<MappingViolation> violations = new ArrayList<>();
        List<MappedRecord> records = new ArrayList<>();
        for (int r = 0; r < spec.records().size(); r++) {
            RecordRule rule = spec.records().get(r);
            String label = "records[" + r + "]";
            EntityDefinition entity = dictionary.entity(rule.entity()).orElseThrow(() -> new IllegalArgumentException(
                    "mapping " + spec.id() + " " + label + " names " + rule.entity() + ", which is not an entity of the dictionary"));
            if (rule.forEach() != null) {
                document.pathProblem(rule.forEach()).ifPresent(p -> violations.add(new MappingViolation(label, -1,
                        "", p.rule(), rule.forEach(), p.location(), "forEach: " + p.message())));
            }
            List<SourceNode> nodes = document.records(rule.forEach());
            boolean many = rule.forEach() != null || spec.format() == SourceFormat.CSV;
            for (int i = 0; i < nodes.size(); i++) {
                SourceNode node = nodes.get(i);
                List<MappingViolation> found = new ArrayList<>();
                RuleEvaluator.Scope scope = new RuleEvaluator.Scope(label, many ? i : -1, found);
                RecordMaker.Made made = maker.make(rule, label, entity.fields(), node, scope);
                if (check) {
                    // every problem at once, but a field the mapping could not fill is not also reported missing
                    java.util.Set<String> failed = new java.util.HashSet<>();
                    found.forEach(v -> failed.add(v.field()));
                    for (Violation v : rule.partial() || made.deleted() ? RecordValidator.validatePartial(entity, made.record())
                            : RecordValidator.validate(entity, made.record())) {
                        if (failed.stream().anyMatch(f -> !f.isEmpty() && (v.field().equals(f) || f.startsWith(v.field() + ".")
                                || f.startsWith(v.field() + "[") || v.field().startsWith(f + ".")))) {
                            continue;
                        }
                        found.add(new MappingViolation(label, scope.item(), v.field(), v.rule(),
                                v.value() == null ? null : String.valueOf(v.value()),
                                locationOf(v.field(), made.lineage(), node.location()), v.message()));
                    }
                }
                if (found.isEmpty()) {
                    records.add(new MappedRecord(entity.name(), made.record(), made.sourceId(), made.occurredAt(),
                            made.baseVersion(), made.deleted(), records.size(), label, spec.ref(), made.lineage()));
                }
                violations.addAll(found);
            }
        }
        if (!violations.isEmpty()) {
            List<MappingViolation> distinct = new ArrayList<>(new LinkedHashSet<>(violations));
            throw new MappingException("the document does not fit mapping " + spec.id() + " v" + spec.version() + ": "
                    + distinct.size() + " problem(s)", distinct);
        }
        return records;
    }

    /** Where the value of {@code field} (or of a part of it) came from; else where the record is. */
    private static SourceLocation locationOf(String field, Map<String, FieldLineage> lineage, SourceLocation record) {
        FieldLineage exact = lineage.get(field);
        if (exact != null && !exact.location().equals(SourceLocation.NONE)) {
            return exact.location();
        }
        return lineage.entrySet().stream()
                .filter(e -> e.getKey().startsWith(field + ".") || e.getKey().startsWith(field + "["))
                .map(e -> e.getValue().location())
                .filter(l -> !l.equals(SourceLocation.NONE))
                .findFirst().orElse(record);
    }
}
