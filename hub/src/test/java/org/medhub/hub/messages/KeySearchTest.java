package org.medhub.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person types into the search box, as the parts of a business key. */
class KeySearchTest {

    @Test
    void aUdiInEachOfItsThreeWrittenFormsNamesItsGtinAndLot() {
        assertThat(KeySearch.parts("(01)09506000134352(17)271231(10)L-2026-11")).containsExactly("09506000134352", "L-2026-11");
        assertThat(KeySearch.parts("010950600013435217271231\u001D10L-2026-11")).containsExactly("09506000134352", "L-2026-11");
        assertThat(KeySearch.parts("https://id.gs1.org/01/09506000134352/10/L-2026-11?17=271231"))
                .containsExactly("09506000134352", "L-2026-11");
        assertThat(KeySearch.parts("(01)09506000134352(21)SN-0042")).as("a serial").containsExactly("09506000134352", "SN-0042");
    }

    @Test
    void anythingElseIsLookedForAsTypedAndAWholeKeyByItsParts() {
        assertThat(KeySearch.parts(" LOT-DASH-1 ")).containsExactly("LOT-DASH-1");
        assertThat(KeySearch.parts("222320260000012345")).as("a customs declaration number").containsExactly("222320260000012345");
        assertThat(KeySearch.parts("01/09506000134352/10/L1")).containsExactly("01", "09506000134352", "10", "L1");
        assertThat(KeySearch.parts("(01)not-a-gtin")).as("not a UDI after all").containsExactly("(01)not-a-gtin");
    }
}
