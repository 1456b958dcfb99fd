package org.medhub.canonical.udi;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.gs1.AiElement;
import org.medhub.canonical.gs1.DigitalLink;
import org.medhub.canonical.gs1.ElementString;
import org.medhub.canonical.gs1.Gs1Date;
import org.medhub.canonical.gs1.ScanData;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * A Unique Device Identification in GS1 form: the UDI-DI, which is the GTIN (01), and the production identifiers
 * the label carries: lot (10), serial (21), expiry (17) and production date (11).
 *
 * @param expiry         the last day of use; a label's day 00 ("end of the month") is resolved to the month's last day
 * @param productionDate the date of manufacture, day 00 resolved the same way
 */
public record Udi(String gtin, String lot, String serial, LocalDate expiry, LocalDate productionDate) {

    public static final String ENTITY = "UDI";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    /**
     * Reads a UDI from any written form of GS1 data: bracketed {@code (01)…(17)…(10)…}, scanner output with its
     * symbology identifier ({@code ]d2…}), a GS1 Digital Link URI, the {@code ^} FNC1 notation, or unbracketed data
     * with GS separators. Every broken rule is reported, each naming the AI, the rule and the value.
     */
    public static Udi parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    /** As {@link #parse(String)}; {@code clock} places two-digit years in their century. */
    public static Udi parse(String text, Clock clock) {
        return from(elements(text), clock);
    }

    public static Udi from(ElementString data) {
        return from(data, Clock.systemUTC());
    }

    /** The UDI in AI data already read; fails when the GTIN is missing or the AIs do not belong together. */
    public static Udi from(ElementString data, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        if (!data.contains("01")) {
            violations.add(new Violation("(01)", "udi-di-required", null,
                    "a UDI needs its device identifier, the GTIN (01); the data has " + data.bracketed()));
        }
        violations.addAll(data.associationViolations());
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
        return new Udi(
                data.value("01").orElseThrow(),
                data.value("10").orElse(null),
                data.value("21").orElse(null),
                data.value("17").map(v -> Gs1Date.parse(v, clock)).orElse(null),
                data.value("11").map(v -> Gs1Date.parse(v, clock)).orElse(null));
    }

    /** The UDI as canonical JSON: {@code gtin}, {@code lot}, {@code serial}, and ISO dates; absent parts omitted. */
    public String toJson() {
        try {
            return CanonicalJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UDI as AI data in label order (01)(11)(17)(10)(21), the predefined-length AIs first so that no separator
     * is needed between them. A day 00 read from a label comes back as the month's last day.
     */
    public ElementString toElementString() {
        List<AiElement> elements = new ArrayList<>();
        elements.add(new AiElement("01", gtin));
        if (productionDate != null) {
            elements.add(new AiElement("11", productionDate.format(YYMMDD)));
        }
        if (expiry != null) {
            elements.add(new AiElement("17", expiry.format(YYMMDD)));
        }
        if (lot != null) {
            elements.add(new AiElement("10", lot));
        }
        if (serial != null) {
            elements.add(new AiElement("21", serial));
        }
        return ElementString.of(elements);
    }

    private static ElementString elements(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidRecordException(ENTITY, List.of(Violation.required("udi")));
        }
        char first = text.charAt(0);
        if (first == ']') {
            ScanData scan = ScanData.parse(text);
            if (!scan.isGs1()) {
                throw new InvalidRecordException(ENTITY, List.of(new Violation("udi", "not-gs1-data", text,
                        "the scan ]" + scan.symbologyIdentifier() + " carries plain text, not GS1 data")));
            }
            return scan.elements();
        }
        if (first == '(') {
            return ElementString.parseBracketed(text);
        }
        if (DigitalLink.looksLikeDigitalLink(text)) {
            return DigitalLink.parse(text);
        }
        if (first == '^') {
            return ElementString.parseCaretFnc1(text);
        }
        return ElementString.parseUnbracketed(text);
    }
}
