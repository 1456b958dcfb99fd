package org.medhub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.dictionary.SystemOfRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.mapping.InMemoryCanonicalLookup;
import org.medhub.routes.mapping.MappedEnvelopes;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.sync.MergeResult;
import org.medhub.routes.sync.RecordMerge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the hub does in memory for one record of the pipeline benchmark: a contract factory's batch
 * record of about 1 KB, with Chinese text, mapped by the same mapping as {@code medhub bench pipeline}
 * uses. Each step on its own, on one thread, in microseconds per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class BatchRecordBenchmark {

    static final String MAPPING = """
            id: bench-batch-record
            version: 1
            direction: inbound
            format: json
            entity: Batch
            sourceId: $.recordId
            occurredAt: $.reportedAt
            fields:
              gtin: $.product.gtin
              lot: $.lotNo
              materialNumber: $.product.itemCode
              status: { path: $.state, codes: { 生产中: IN_PRODUCTION, 待检: QUARANTINE } }
              productionDate: $.mfgDate
              expiryDate: $.expDate
              quantity.value: $.qty
              quantity.unit: $.uom
              statusReason: $.remark
            """;

    static final String RECORD = """
            {"recordId":"BENCH-1","reportedAt":"2026-11-22T09:30:00.123456+08:00",
             "product":{"gtin":"09506000134352","itemCode":"CATH-7F-110"},
             "lotNo":"B1","state":"%s","mfgDate":"2026-11-18","expDate":"2029-11-17","qty":1200,"uom":"EA",
             "remark":"%s"}""";

    private static final String PADDING = "批次记录 batch record padding ".repeat(24);

    private MappingEngine engine;
    private MappingSpec spec;
    private byte[] raw;
    private EntityDefinition batch;
    private ObjectNode record;
    private ObjectNode quarantine;
    private Envelope envelope;
    private java.util.Map<String, String> lineage;
    private byte[] envelopeBytes;

    @Setup
    public void setUp() throws IOException {
        Path file = Files.createTempFile("bench-batch-record", ".yml");
        try {
            Files.writeString(file, MAPPING);
            spec = new MappingSpecReader().readOrThrow(file);
        } finally {
            Files.delete(file);
        }
        engine = new MappingEngine(new InMemoryCanonicalLookup());
        raw = RECORD.formatted("生产中", PADDING).getBytes(StandardCharsets.UTF_8);
        MappedRecord mapped = engine.map(spec, raw).get(0);
        envelope = MappedEnvelopes.of("bench-factory", mapped, Instant.parse("2026-11-22T01:30:00Z"));
        lineage = mapped.lineageText();
        envelopeBytes = CanonicalJson.toBytes(envelope);
        batch = DataDictionary.standard().entity("Batch").orElseThrow();
        record = (ObjectNode) envelope.payload();
        quarantine = (ObjectNode) engine.map(spec, RECORD.formatted("待检", PADDING).getBytes(StandardCharsets.UTF_8))
                .get(0).canonical();
    }

    /** Parse the partner's JSON, apply the mapping's rules, validate the canonical record: the pipeline's mapping stage. */
    @Benchmark
    public List<MappedRecord> map() {
        return engine.map(spec, raw);
    }

    /** The dictionary's checks of a whole Batch, as the mapping and the merge each run them. */
    @Benchmark
    public List<Violation> validate() {
        return RecordValidator.validate(batch, record);
    }

    /** A factory's update of a Batch the hub holds: it goes to quarantine, the other fields are the same. */
    @Benchmark
    public MergeResult merge() {
        return RecordMerge.merge(batch, record, null, quarantine, SystemOfRecord.PARTNER);
    }

    /** The envelope as it goes to the canonical topic. */
    @Benchmark
    public byte[] writeEnvelope() {
        return CanonicalJson.toBytes(envelope);
    }

    /** Which rule made each field, as the ledger stores it with the message. */
    @Benchmark
    public String writeLineage() {
        return CanonicalJson.toText(lineage);
    }

    /** The envelope as the delivery stage reads it back. */
    @Benchmark
    public Envelope readEnvelope() {
        return CanonicalJson.fromBytes(envelopeBytes, Envelope.class);
    }
}
