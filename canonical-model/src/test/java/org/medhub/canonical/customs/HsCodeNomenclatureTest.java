package org.medhub.canonical.customs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.fixtures.SharedFixtures;

/** Checks our HS rules and embedded medical headings against the HS 2022 nomenclature in the shared fixtures. */
class HsCodeNomenclatureTest {

    /** UN Comtrade's "commodities not specified according to kind", not part of the WCO nomenclature. */
    private static final String COMTRADE_ONLY = "999999";

    @Test
    void acceptsEverySubheadingOfTheNomenclature() {
        List<String> subheadings = codes(6);
        assertThat(subheadings).hasSizeGreaterThan(5000);
        for (String code : subheadings) {
            if (!code.equals(COMTRADE_ONLY)) {
                assertThat(HsCode.check("hs", code)).as(code).isEmpty();
            }
        }
    }

    @Test
    void embedsOnlyHeadingsThatExist() {
        Set<String> known = codes(4).stream().collect(Collectors.toSet());
        known.addAll(codes(6));
        assertThat(known).containsAll(HsCode.MEDICAL_DEVICE_CLASSIFICATIONS.keySet());
    }

    /** The codes of one level (2 chapter, 4 heading, 6 subheading) from the fixture's harmonized-system.csv. */
    private static List<String> codes(int level) {
        Path csv = SharedFixtures.require("datasets-harmonized-system/data/harmonized-system.csv");
        return SharedFixtures.lines(csv).stream().skip(1)
                .filter(line -> line.endsWith("," + level))
                .map(line -> line.split(",", 3)[1])
                .collect(Collectors.toList());
    }
}
