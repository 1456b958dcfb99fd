package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.Violation;

/** Each rule of the validator on a small entity that uses every type. */
class RecordValidatorTest {

    private static final EntityDefinition SHIPMENT = DataDictionary.read(Map.of("Consignment.yml", """
            entity: Consignment
            version: 1
            description: A test entity with every type.
            kind: event
            topic: consignment
            owner: WMS
            businessKey: { fields: [sscc], format: "00/{sscc}" }
            fields:
              sscc: { type: string, format: sscc, required: true, description: The pallet. }
              note: { type: text, maxLength: 10, description: A note. }
              code: { type: string, pattern: "[A-Z]{3}", minLength: 3, description: A code. }
              packages: { type: integer, minimum: 1, description: How many packages. }
              rate: { type: decimal, precision: 5, scale: 2, description: A rate. }
              fragile: { type: boolean, description: Handle with care. }
              shipDate: { type: date, description: When it left. }
              arrivalDate: { type: date, description: When it arrived. }
              scannedAt: { type: dateTime, description: When it was scanned. }
              status: { type: enum, values: [OPEN, SHIPPED], required: true, description: State. }
              weight: { type: quantity, dimension: mass, scale: 3, description: Gross weight. }
              value: { type: money, description: Declared value. }
              origin: { type: string, format: country, description: Country of origin. }
              consignee:
                type: object
                description: Who receives it.
                fields:
                  name: { type: string, required: true, description: Name. }
                  country: { type: string, format: country, description: Country. }
              lines:
                type: list
                minItems: 1
                description: What is in it.
                items:
                  type: object
                  fields:
                    hsCode: { type: string, format: hs-code, required: true, description: Commodity code. }
                    count: { type: quantity, dimension: count, description: How many. }
              trackingReason: { type: text, description: Why it is tracked. }
            rules:
              - rule: not-before
                field: arrivalDate
                reference: shipDate
              - rule: required-when
                field: trackingReason
                when: { field: status, in: [SHIPPED] }
            """.getBytes(StandardCharsets.UTF_8))).entity("Consignment").orElseThrow();

    private static List<Violation> validate(String json) {
        try {
            JsonNode record = CanonicalJson.mapper().readTree(json);
            return RecordValidator.validate(SHIPMENT, record);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void acceptsAValidRecord() {
        assertThat(validate("""
                {"sscc": "106141411234567897", "note": "ok", "code": "ABC", "packages": 3, "rate": 123.45,
                 "fragile": true, "shipDate": "2026-11-18", "arrivalDate": "2026-11-21",
                 "scannedAt": "2026-11-21T09:30:00+08:00", "status": "SHIPPED", "trackingReason": "recall watch",
                 "weight": {"value": 12.5, "unit": "kg"}, "value": {"amount": 1200.00, "currency": "CNY"},
                 "origin": "CN", "consignee": {"name": "苏州医疗器械有限公司", "country": "CN"},
                 "lines": [{"hsCode": "9018390000", "count": {"value": 100, "unit": "EA"}}]}
                """)).isEmpty();
    }

    @Test
    void reportsEveryViolationWithItsPathAndRule() {
        List<Violation> violations = validate("""
                {"sscc": "106141411234567890", "note": "far too long", "code": "abcd", "packages": 0, "rate": 1234.567,
                 "fragile": "yes", "shipDate": "2026-11-21", "arrivalDate": "2026-11-18",
                 "scannedAt": "2026-11-21T09:30:00", "status": "SHIPPED",
                 "weight": {"value": 12.5, "unit": "L"}, "value": {"amount": 12.345, "currency": "XYZ"},
                 "origin": "ZZ", "consignee": {"country": "CN", "floor": 3},
                 "lines": [{"hsCode": "12", "count": {"value": 2, "unit": "kg"}}], "colour": "red"}
                """);

        assertThat(violations).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("colour", "unknown-field"),
                tuple("sscc", "sscc"),
                tuple("note", "max-length"),
                tuple("code", "pattern"),
                tuple("packages", "minimum"),
                tuple("rate", "scale"),
                tuple("rate", "precision"),
                tuple("fragile", "type"),
                tuple("scannedAt", "type"),
                tuple("weight.unit", "dimension"),
                tuple("value.amount", "scale"),
                tuple("value.currency", "currency"),
                tuple("origin", "country"),
                tuple("consignee.floor", "unknown-field"),
                tuple("consignee.name", "required"),
                tuple("lines[0].hsCode", "hs-code"),
                tuple("lines[0].count.unit", "dimension"),
                tuple("arrivalDate", "not-before"),
                tuple("trackingReason", "required-when"));
    }

    @Test
    void reportsMissingRequiredFieldsAndEmptyLists() {
        assertThat(validate("{\"lines\": []}")).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("sscc", "required"), tuple("status", "required"), tuple("lines", "min-items"));
    }

    @Test
    void namesTheAllowedValuesOfAnEnum() {
        assertThat(validate("{\"sscc\": \"106141411234567897\", \"status\": \"LOST\"}")).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("enum");
            assertThat(v.message()).contains("[OPEN, SHIPPED]");
        });
    }

    @Test
    void refusesAnUnknownUnit() {
        assertThat(validate("""
                {"sscc": "106141411234567897", "status": "OPEN", "weight": {"value": 1, "unit": "°C"}}
                """)).extracting(Violation::field, Violation::rule).containsExactly(tuple("weight.unit", "unit"));
    }

    @Test
    void refusesControlCharactersButLetsFreeTextKeepItsLineBreaks() {
        List<Violation> violations = validate("""
                {"sscc": "106141411234567897", "status": "OPEN", "code": "A\\u0000C",
                 "consignee": {"name": "Zhang\\u001bWei"}, "trackingReason": "line one\\nline\\ttwo\\u0007"}
                """);

        assertThat(violations).extracting(Violation::field, Violation::rule).contains(
                tuple("code", "control-character"), tuple("consignee.name", "control-character"),
                tuple("trackingReason", "control-character"));
        assertThat(violations).filteredOn(v -> v.field().equals("code")).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("U+0000 at position 2"));
        assertThat(validate("""
                {"sscc": "106141411234567897", "status": "OPEN", "trackingReason": "line one\\r\\nline\\ttwo"}
                """)).isEmpty();
    }
}
