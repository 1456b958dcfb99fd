package org.medhub.routes.mapping;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.envelope.MappingRef;

/**
 * A declarative mapping, as in {@code config/mappings/<id>.yml} or inline in a partner file (format in the routes
 * README). Inbound, it reads one source document in one format and makes canonical records of it; outbound, it
 * renders canonical records in a subscriber's format.
 *
 * @param charset the charset of the source bytes as the mapping declares it; null when it declares none (UTF-8
 *     for text formats, the document's own declaration for XML)
 * @param namespaces XML prefixes used in paths
 * @param records what a source document becomes (inbound; one rule outbound, keyed by target paths)
 */
public record MappingSpec(
        String id,
        int version,
        Direction direction,
        SourceFormat format,
        Charset charset,
        Map<String, String> namespaces,
        CsvOptions csv,
        EdiOptions edi,
        EpcisOptions epcis,
        OutputOptions output,
        List<RecordRule> records) {

    public enum Direction {
        INBOUND,
        OUTBOUND
    }

    public MappingSpec {
        namespaces = namespaces == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
        csv = csv == null ? CsvOptions.DEFAULT : csv;
        edi = edi == null ? EdiOptions.NONE : edi;
        epcis = epcis == null ? EpcisOptions.DEFAULT : epcis;
        output = output == null ? OutputOptions.NONE : output;
        records = records == null ? List.of() : List.copyOf(records);
        direction = direction == null ? Direction.INBOUND : direction;
    }

    /** The one-record JSON mapping of the first partner files: JSONPaths for the id, the time and each field. */
    public MappingSpec(String id, int version, String entity, String sourceId, String occurredAt,
            Map<String, FieldRule> fields) {
        this(id, version, Direction.INBOUND, SourceFormat.JSON, null, null, null, null, null, null,
                List.of(new RecordRule(entity, null, sourceId == null ? null : FieldRule.path(sourceId),
                        occurredAt == null ? null : FieldRule.path(occurredAt), fields)));
    }

    /** The id and version every record made by this mapping carries. */
    public MappingRef ref() {
        return new MappingRef(id, version);
    }

    /** The charset to read text formats in: the declared one, else UTF-8. */
    public Charset charsetOrUtf8() {
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** The same mapping reading bytes in another charset: a partner's system may write GB18030 where others write UTF-8. */
    public MappingSpec withCharset(Charset other) {
        return new MappingSpec(id, version, direction, format, other, namespaces, csv, edi, epcis, output, records);
    }

    /** The entity of a one-record mapping (an outbound mapping, or an inbound one with one record rule). */
    public String entity() {
        return records.size() == 1 ? records.get(0).entity() : null;
    }

    /** The field rules of a one-record mapping. */
    public Map<String, FieldRule> fields() {
        return records.size() == 1 ? records.get(0).fields() : Map.of();
    }

    /**
     * @param delimiter the field separator
     * @param header whether the first row names the columns
     * @param columns the column names when there is no header row
     */
    public record CsvOptions(char delimiter, char quote, boolean header, List<String> columns) {

        public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, List.of());

        public CsvOptions {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * EDI reading options. Without a transaction schema a parser sees segments, not segment groups: {@code loops}
     * names the segment that starts a group and the segments that belong to it ({@code LIN: [IMD, QTY, MOA, PRI]}),
     * and the reader gathers each group in an element {@code LIN-loop}.
     */
    public record EdiOptions(Map<String, List<String>> loops) {

        public static final EdiOptions NONE = new EdiOptions(Map.of());

        public EdiOptions {
            loops = loops == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loops));
        }
    }

    /**
     * @param strictXmlOrder whether EPCIS XML must keep the element order of the EPCIS 2.0 schema (the default);
     *     false accepts a feed whose events list known elements in another order
     */
    public record EpcisOptions(boolean strictXmlOrder) {

        public static final EpcisOptions DEFAULT = new EpcisOptions(true);
    }

    /**
     * How an outbound mapping writes its records.
     *
     * @param root XML: the element of one record; JSON: unused
     * @param wrapper XML: the element around several records; JSON: several records become an array
     */
    public record OutputOptions(String root, String wrapper, boolean pretty) {

        public static final OutputOptions NONE = new OutputOptions(null, null, false);
    }
}
