package org.medhub.canonical.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.envelope.CanonicalJson;

class UpcastersTest {

    private static final EntityDefinition BATCH = DataDictionary.standard().entity("Batch").orElseThrow();

    private static JsonNode json(String text) throws Exception {
        return CanonicalJson.mapper().readTree(text);
    }

    @Test
    void readsAVersion1BatchAsTheCurrentVersion() throws Exception {
        JsonNode v1 = json("""
                {"gtin": "09506000134352", "lot": "L1", "materialNumber": "CATH-7F-110", "status": "QUARANTINE",
                 "quantity": 1200, "unit": "EA"}""");

        JsonNode current = Upcasters.standard().toCurrent(BATCH, 1, v1);

        assertThat(current).isEqualTo(json("""
                {"gtin": "09506000134352", "lot": "L1", "materialNumber": "CATH-7F-110", "status": "QUARANTINE",
                 "quantity": {"value": 1200, "unit": "EA"}}"""));
        assertThat(RecordValidator.validate(BATCH, current)).isEmpty();
        assertThat(v1.has("unit")).as("the original is left as it was").isTrue();
    }

    @Test
    void leavesAVersion1BatchWithoutQuantityAsItWas() throws Exception {
        JsonNode v1 = json("{\"gtin\": \"09506000134352\", \"lot\": \"L1\", \"status\": \"PLANNED\"}");

        assertThat(Upcasters.standard().toCurrent(BATCH, 1, v1)).isEqualTo(v1);
    }

    @Test
    void refusesAVersionNewerThanTheDictionary() throws Exception {
        assertThatThrownBy(() -> Upcasters.standard().toCurrent(BATCH, BATCH.version() + 1, json("{}")))
                .hasMessageContaining("newer than this hub's dictionary");
    }
}
