package org.medhub.routes.mapping.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.gs1.DigitalLink;
import org.medhub.canonical.gs1.ElementString;
import org.medhub.canonical.gs1.Gs1CheckDigit;
import org.medhub.canonical.validation.InvalidRecordException;

/**
 * The GS1 keys inside an identifier as EPCIS and labels write them: an EPC URN
 * ({@code urn:epc:id:sgtin:0614141.107346.2017}, {@code urn:epc:class:lgtin:4023333.002000.2019-10-07}), a GS1
 * Digital Link URI, or a bracketed element string. EPC URNs are decoded as the GS1 EPC Tag Data Standard says.
 */
public final class Gs1Keys {

    public static final Set<String> KEYS = Set.of("gtin", "lot", "serial", "sscc", "gln");
    private static final Map<String, String> AIS = Map.of("gtin", "01", "lot", "10", "serial", "21", "sscc", "00", "gln", "414");

    private Gs1Keys() {}

    /** The key, or empty when the identifier does not carry it or is not one of the three forms. */
    public static Optional<String> take(String identifier, String key) {
        String id = identifier.strip();
        try {
            if (id.startsWith("urn:epc:")) {
                return fromUrn(id, key);
            }
            if (id.startsWith("(")) {
                return ElementString.parseBracketed(id).value(AIS.get(key)).or(() -> partyGln(ElementString.parseBracketed(id), key));
            }
            if (DigitalLink.looksLikeDigitalLink(id)) {
                ElementString data = DigitalLink.parse(id);
                return data.value(AIS.get(key)).or(() -> partyGln(data, key));
            }
        } catch (InvalidRecordException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> partyGln(ElementString data, String key) {
        return key.equals("gln") ? data.value("417") : Optional.empty();
    }

    private static Optional<String> fromUrn(String urn, String key) {
        String[] parts = urn.split(":");
        if (parts.length < 5) {
            return Optional.empty();
        }
        String scheme = parts[3];
        String[] fields = parts[4].split("\\.", -1);
        return switch (scheme) {
            case "sgtin", "lgtin" -> {
                if (fields.length != 3) {
                    yield Optional.empty();
                }
                String gtin = withCheckDigit(fields[1].substring(0, 1) + fields[0] + fields[1].substring(1));
                yield switch (key) {
                    case "gtin" -> Optional.of(gtin);
                    case "serial" -> scheme.equals("sgtin") && !fields[2].equals("*") ? Optional.of(decode(fields[2])) : Optional.empty();
                    case "lot" -> scheme.equals("lgtin") ? Optional.of(decode(fields[2])) : Optional.empty();
                    default -> Optional.empty();
                };
            }
            case "sscc" -> fields.length == 2 && key.equals("sscc")
                    ? Optional.of(withCheckDigit(fields[1].substring(0, 1) + fields[0] + fields[1].substring(1)))
                    : Optional.empty();
            case "sgln", "pgln" -> fields.length >= 2 && key.equals("gln")
                    ? Optional.of(withCheckDigit(fields[0] + fields[1])) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String withCheckDigit(String digits) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not digits: " + digits);
        }
        return digits + Gs1CheckDigit.compute(digits);
    }

    private static String decode(String epcComponent) {
        return URLDecoder.decode(epcComponent.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
