package org.medhub.canonical.gudid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * Reads the JSON responses of the NLM AccessGUDID API (v2/v3): device lookup ({@code devices/lookup}, by DI, UDI or
 * public record key), Parse UDI ({@code parse_udi}) and device history ({@code devices/history}, whose versions are
 * GUDID device XML). A response without the part asked for is refused with an {@link InvalidRecordException}.
 */
public final class AccessGudid {

    public static final String ENTITY = "AccessGUDID response";

    /** One published version of a device record, from a history response. */
    public record Version(int number, LocalDate date, GudidDevice device) {}

    private AccessGudid() {}

    /** The device of a lookup response ({@code gudid.device}) as the Product it publishes. */
    public static GudidDevice device(JsonNode lookupResponse) {
        JsonNode device = lookupResponse.path("gudid").path("device");
        if (!device.isObject()) {
            throw refused("gudid.device", "a device lookup response holds gudid.device; this one has "
                    + fieldNames(lookupResponse));
        }
        return GudidProductMapping.map(device);
    }

    /** The UDI of a Parse UDI response, or the {@code udi} part of a lookup or history by UDI. */
    public static PublishedUdi parsedUdi(JsonNode response) {
        JsonNode udi = response.path("udi").isObject() ? response.get("udi") : response;
        String text = GudidProductMapping.text(udi, "udi");
        if (text == null) {
            throw refused("udi", "a Parse UDI response holds the UDI string in udi; this one has "
                    + fieldNames(response));
        }
        List<Violation> violations = new ArrayList<>();
        PublishedUdi published = new PublishedUdi(text,
                GudidProductMapping.text(udi, "issuingAgency"),
                GudidProductMapping.text(udi, "di"),
                GudidProductMapping.text(udi, "lotNumber"),
                GudidProductMapping.text(udi, "serialNumber"),
                date(udi, "expirationDate", violations),
                GudidProductMapping.text(udi, "expirationDateOriginal"),
                GudidProductMapping.text(udi, "expirationDateOriginalFormat"),
                date(udi, "manufacturingDate", violations),
                GudidProductMapping.text(udi, "manufacturingDateOriginal"),
                GudidProductMapping.text(udi, "manufacturingDateOriginalFormat"),
                GudidProductMapping.text(udi, "donationId"));
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
        return published;
    }

    /** Every version of a history response, oldest first, each read from its GUDID device XML. */
    public static List<Version> history(JsonNode historyResponse, GudidXmlReader reader) {
        JsonNode history = historyResponse.path("history");
        if (!history.isObject()) {
            throw refused("history", "a device history response holds history; this one has "
                    + fieldNames(historyResponse));
        }
        List<Version> versions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) history::fields) {
            JsonNode version = entry.getValue();
            String xml = GudidProductMapping.text(version, "xml");
            String field = "history." + entry.getKey();
            if (xml == null) {
                throw refused(field + ".xml", "version " + entry.getKey() + " has no device XML");
            }
            List<GudidDevice> devices = reader.readAll(xml);
            if (devices.size() != 1) {
                throw new InvalidRecordException(ENTITY, List.of(new Violation(field + ".xml", "one-device",
                        devices.size(), "version " + entry.getKey() + " holds " + devices.size()
                        + " devices, not one")));
            }
            List<Violation> violations = new ArrayList<>();
            LocalDate date = date(version, "publicVersionDate", violations);
            if (!violations.isEmpty()) {
                throw new InvalidRecordException(ENTITY, violations);
            }
            versions.add(new Version(number(version, entry.getKey()), date, devices.get(0)));
        }
        versions.sort(Comparator.comparingInt(Version::number));
        return versions;
    }

    private static int number(JsonNode version, String key) {
        String number = GudidProductMapping.text(version, "publicVersionNumber");
        try {
            return Integer.parseInt(number == null ? key : number);
        } catch (NumberFormatException e) {
            throw new InvalidRecordException(ENTITY, List.of(new Violation("history." + key + ".publicVersionNumber",
                    "type", number, "'" + number + "' is no version number")));
        }
    }

    /** AccessGUDID writes dates as {@code 2015-03-31} or, for GUDID record dates, midnight UTC of that date. */
    private static LocalDate date(JsonNode parent, String field, List<Violation> violations) {
        String text = GudidProductMapping.text(parent, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "type", text, field + " must be an ISO date, e.g. 2015-03-31"));
            return null;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static InvalidRecordException refused(String field, String message) {
        return new InvalidRecordException(ENTITY, List.of(new Violation(field, "required", null, message)));
    }
}
