package org.medhub.hub.genealogy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.gs1.AiElement;
import org.medhub.canonical.gs1.ElementString;

/**
 * The genealogy's key for what a person or a scanner gives: a business key as the hub writes it
 * ({@code 01/09506000134352/10/L1}, {@code RES-PP/L7}, a shipment number), or a UDI in any of its written forms
 * (bracketed, the scanner's data, a GS1 Digital Link), which names a serial unit, a batch or an SSCC.
 */
final class TraceKeys {

    private TraceKeys() {}

    static String key(String typed) {
        String text = typed.strip();
        return ElementString.parseAnyForm(text).map(TraceKeys::keyOf).orElse(text);
    }

    private static String keyOf(ElementString udi) {
        Map<String, String> ais = new LinkedHashMap<>();
        for (AiElement element : udi.elements()) {
            ais.putIfAbsent(element.ai(), element.value());
        }
        if (ais.containsKey("00")) {
            return ais.get("00");
        }
        String gtin = ais.get("01");
        if (gtin != null && ais.containsKey("21")) {
            return "01/" + gtin + "/21/" + ais.get("21");
        }
        if (gtin != null && ais.containsKey("10")) {
            return "01/" + gtin + "/10/" + ais.get("10");
        }
        return gtin == null ? String.join("/", List.copyOf(ais.values())) : "01/" + gtin;
    }
}
