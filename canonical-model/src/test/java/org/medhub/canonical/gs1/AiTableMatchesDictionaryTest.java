package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.fixtures.SharedFixtures;

/** The embedded AI table must say what the GS1 Barcode Syntax Dictionary it was generated from says. */
class AiTableMatchesDictionaryTest {

    @Test
    void embeddedTableHasEveryEntryOfTheDictionaryUnchanged() {
        Path dictionary = SharedFixtures.require("gs1-syntax-dictionary/gs1-syntax-dictionary.txt");
        AiTable fromDictionary = AiTable.parse(SharedFixtures.lines(dictionary));

        assertThat(AiTable.standard().release()).isEqualTo(fromDictionary.release());
        assertThat(List.copyOf(AiTable.standard().all())).isEqualTo(List.copyOf(fromDictionary.all()));
        assertThat(AiTable.standard().dlPathSequences()).isEqualTo(fromDictionary.dlPathSequences());
    }
}
