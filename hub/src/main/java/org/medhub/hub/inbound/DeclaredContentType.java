package org.medhub.hub.inbound;

import java.util.Optional;
import java.util.Set;
import org.medhub.routes.mapping.SourceFormat;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether the media type a partner declares can be the format its message type is mapped from. Only a declaration
 * that names another kind of document is refused: none, {@code application/octet-stream} and {@code text/plain}
 * (what many exports and scripts send) say nothing about the format, and the mapping judges the bytes.
 */
final class DeclaredContentType {

    private static final Set<String> SAYS_NOTHING = Set.of("application/octet-stream", "text/plain");

    private DeclaredContentType() {}

    /** Why {@code contentType} cannot be a document of {@code format}, or empty when it can. */
    static Optional<String> mismatch(SourceFormat format, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        MediaType declared;
        try {
            declared = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return Optional.of("Content-Type '" + contentType + "' is not a media type");
        }
        String type = declared.getType() + "/" + declared.getSubtype();
        if (SAYS_NOTHING.contains(type) || accepts(format, declared)) {
            return Optional.empty();
        }
        return Optional.of("Content-Type " + type + " cannot be a " + format.yamlName() + " document; send it as "
                + expected(format) + " (or application/octet-stream)");
    }

    private static boolean accepts(SourceFormat format, MediaType declared) {
        return switch (format) {
            case JSON -> isJson(declared);
            case CSV -> declared.getSubtype().equals("csv") || declared.getSubtype().equals("tab-separated-values");
            case XML, B2MML, IDOC -> isXml(declared);
            case EPCIS -> isJson(declared) || isXml(declared);
            case EDIFACT, X12 -> declared.getSubtype().startsWith("edi");
        };
    }

    private static String expected(SourceFormat format) {
        return switch (format) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case XML, B2MML, IDOC -> "application/xml";
            case EPCIS -> "application/ld+json or application/xml";
            case EDIFACT -> "application/edifact";
            case X12 -> "application/edi-x12";
        };
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static boolean isXml(MediaType type) {
        return type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml");
    }
}
