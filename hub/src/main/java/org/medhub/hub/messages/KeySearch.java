package org.medhub.hub.messages;

import java.util.List;
import java.util.Set;
import org.medhub.canonical.gs1.AiElement;
import org.medhub.canonical.gs1.ElementString;

/**
 * What a person types to find a message (a lot, a serial number, a material or declaration number, a whole business
 * key, or a UDI in any of its three written forms: {@code (01)09506000134352(10)L1}, the scanner's unbracketed data,
 * or a GS1 Digital Link URI) as the parts of a business key it names. A business key is its parts joined by
 * {@code /} ({@code 01/09506000134352/10/L1}), so a message is found when its key holds every part.
 */
final class KeySearch {

    /** The identifying AIs of a UDI's production identifier: GTIN, SSCC, lot, serial; dates are not in keys. */
    private static final Set<String> KEY_AIS = Set.of("00", "01", "10", "21");

    private KeySearch() {}

    /** The parts to look for: a UDI's identifiers, else the text as typed (split at {@code /} if it is a key). */
    static List<String> parts(String typed) {
        String text = typed.strip();
        List<String> identifiers = ElementString.parseAnyForm(text).map(udi -> udi.elements().stream()
                .filter(e -> KEY_AIS.contains(e.ai())).map(AiElement::value).toList()).orElse(List.of());
        if (!identifiers.isEmpty()) {
            return identifiers;
        }
        return List.of(text.split("/")).stream().filter(part -> !part.isBlank()).toList();
    }
}
