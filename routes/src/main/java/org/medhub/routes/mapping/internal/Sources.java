package org.medhub.routes.mapping.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.w3c.dom.Document;

/** Reads a source document in the format its mapping names. */
public final class Sources {

    /** The one namespace every B2MML version is read as, bound to the prefix {@code b2mml}. */
    public static final String B2MML = "http://www.mesa.org/xml/B2MML";
    /** The one namespace every BatchML version is read as, bound to the prefix {@code batchml}. */
    public static final String BATCHML = "http://www.mesa.org/xml/BatchML";
    private static final Pattern B2MML_VERSIONS = Pattern.compile("https?://www\\.(wbf|mesa)\\.org/xml/B2MML(-V0\\d+)?(-AllExtensions)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BATCHML_VERSIONS = Pattern.compile("https?://www\\.(wbf|mesa)\\.org/xml/BatchML(-V0\\d+)?(-AllExtensions)?",
            Pattern.CASE_INSENSITIVE);

    private Sources() {}

    public static SourceDocument read(MappingSpec spec, byte[] bytes) {
        return switch (spec.format()) {
            case JSON -> new JsonSource(records(JsonTree.parse(utf8(bytes, spec.charsetOrUtf8(), "JSON"))));
            case CSV -> new CsvSource(text(bytes, spec.charsetOrUtf8(), "CSV"), spec.csv());
            case XML -> new XmlSource(SecureXml.parse(bytes, spec.charset(), UnaryOperator.identity()), spec.namespaces(), '.');
            case B2MML -> new XmlSource(SecureXml.parse(bytes, spec.charset(), Sources::b2mmlNamespace),
                    prefixes(spec, Map.of("b2mml", B2MML, "batchml", BATCHML)), '.');
            case IDOC -> new XmlSource(idoc(SecureXml.parse(bytes, spec.charset(), UnaryOperator.identity())),
                    spec.namespaces(), '.');
            case EPCIS -> Epcis.read(bytes, spec);
            case EDIFACT, X12 -> EdiTree.read(bytes, spec);
        };
    }

    /** A JSON document holds a record (an object) or records (an array): a bare value or {@code null} is neither. */
    private static JsonTree records(JsonTree tree) {
        if (!tree.root().isContainerNode()) {
            throw new MappingException("malformed JSON: the document is " + (tree.root().isNull() ? "null"
                    : "a single " + tree.root().getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + "; a record is a JSON object, and several come as an array");
        }
        return tree;
    }

    /** The namespace prefixes a format binds, plus the mapping's own. */
    public static Map<String, String> prefixes(MappingSpec spec, Map<String, String> builtIn) {
        Map<String, String> prefixes = new HashMap<>(builtIn);
        prefixes.putAll(spec.namespaces());
        return prefixes;
    }

    /** The prefixes paths of {@code spec} may use, for checking them before any document arrives. */
    public static Map<String, String> prefixes(MappingSpec spec) {
        return switch (spec.format()) {
            case B2MML -> prefixes(spec, Map.of("b2mml", B2MML, "batchml", BATCHML));
            default -> spec.namespaces();
        };
    }

    static String b2mmlNamespace(String uri) {
        if (uri == null || B2MML_VERSIONS.matcher(uri).matches()) {
            return B2MML;
        }
        return BATCHML_VERSIONS.matcher(uri).matches() ? BATCHML : uri;
    }

    private static Document idoc(Document document) {
        var controls = document.getElementsByTagName("EDI_DC40");
        if (document.getElementsByTagName("IDOC").getLength() == 0 || controls.getLength() == 0) {
            throw new MappingException("not an IDoc: an IDoc XML document has an IDOC element with its EDI_DC40 "
                    + "control record; the root here is " + document.getDocumentElement().getTagName());
        }
        return document;
    }

    /** Decodes strictly: bytes that are not in the declared charset are refused, never replaced with '?'. */
    public static String text(byte[] bytes, Charset charset, String format) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MappingException("malformed " + format + ": the bytes are not " + charset.name()
                    + " text (a partner writing another charset needs charset: in its mapping or message type)");
        }
    }

    static byte[] utf8(byte[] bytes, Charset charset, String format) {
        return text(bytes, charset, format).getBytes(StandardCharsets.UTF_8);
    }
}
