package org.medhub.routes.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The CBV terms come from the table embedded in the module, and every spelling of a term becomes the bare term. */
class CbvVocabularyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void writesEverySpellingOfATermOfTheEmbeddedTableBare() {
        assertThat(CbvVocabulary.BIZ_STEP.normalize("urn:epcglobal:cbv:bizstep:shipping")).isEqualTo("shipping");
        assertThat(CbvVocabulary.BIZ_STEP.normalize("https://ref.gs1.org/cbv/BizStep-shipping")).isEqualTo("shipping");
        assertThat(CbvVocabulary.DISPOSITION.normalize("gs1:Disp-in_transit")).isEqualTo("in_transit");
        assertThat(CbvVocabulary.ERROR_REASON.normalize("incorrect_data")).isEqualTo("incorrect_data");
        assertThat(CbvVocabulary.BUSINESS_TRANSACTION.name()).isEqualTo("business transaction type");
    }

    @Test
    void refusesAnUnknownTermAndKeepsAUriOfTheFeedsOwn() {
        assertThat(CbvVocabulary.BIZ_STEP.normalize("urn:epcglobal:cbv:bizstep:teleporting")).isNull();
        assertThat(CbvVocabulary.SOURCE_DESTINATION.normalize("owner")).isNull();
        assertThat(CbvVocabulary.BIZ_STEP.normalize("urn:example:step:sterilising")).isEqualTo("urn:example:step:sterilising");
    }

    @Test
    void refusesATableWhoseTermYamlReadAsABoolean() {
        assertThatThrownBy(() -> CbvVocabulary.parse(YAML.readTree("""
                answer: { name: answer, urn: ans, web: Ans, terms: [yes, no] }
                """)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answer").hasMessageContaining("not a bare term");
    }
}
