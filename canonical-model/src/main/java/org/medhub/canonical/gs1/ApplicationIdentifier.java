package org.medhub.canonical.gs1;

import java.util.List;

/**
 * One GS1 Application Identifier as the GS1 Barcode Syntax Dictionary defines it.
 *
 * @param fnc1Required    false for the AIs of predefined length (flag {@code *}), which need no separator after them
 * @param dlDataAttribute true when the AI may be a GS1 Digital Link query parameter (flag {@code ?})
 * @param requisites      each {@code req=} attribute as written, e.g. {@code 01+21,02,35nn}: (01) with (21), or
 *                        (02), or any (35nn); every one of them must be satisfied
 * @param exclusions      the AIs and patterns of all {@code ex=} attributes: none may appear with this AI
 * @param dlKeyQualifiers when the AI is a Digital Link primary key, each alternative ordered list of its optional
 *                        key qualifiers ({@code dlpkey=22,10,21|235}); empty when it is not a key
 * @param unknown         true for an AI absent from the dictionary, accepted only when unknown AIs are permitted
 */
public record ApplicationIdentifier(
        String ai,
        String title,
        boolean fnc1Required,
        boolean dlDataAttribute,
        List<AiComponent> components,
        List<String> requisites,
        List<String> exclusions,
        List<List<String>> dlKeyQualifiers,
        boolean unknown) {

    public ApplicationIdentifier {
        components = List.copyOf(components);
        requisites = List.copyOf(requisites);
        exclusions = List.copyOf(exclusions);
        dlKeyQualifiers = dlKeyQualifiers.stream().map(List::copyOf).toList();
    }

    /** An AI the dictionary does not know: any CSET 82 data, of the length its two-digit prefix predefines if any. */
    static ApplicationIdentifier unknown(String ai, int predefinedLength) {
        AiComponent data = predefinedLength > 0
                ? new AiComponent(AiComponent.CharacterSet.CSET82, predefinedLength, predefinedLength, false, List.of())
                : new AiComponent(AiComponent.CharacterSet.CSET82, 1, 90, false, List.of());
        return new ApplicationIdentifier(ai, "UNKNOWN", predefinedLength == 0, false, List.of(data),
                List.of(), List.of(), List.of(), true);
    }

    public boolean isDlPrimaryKey() {
        return !dlKeyQualifiers.isEmpty();
    }

    /** The shortest valid value: the sum of the mandatory components' minimum lengths. */
    public int minLength() {
        return components.stream().filter(c -> !c.optional()).mapToInt(AiComponent::minLength).sum();
    }

    public int maxLength() {
        return components.stream().mapToInt(AiComponent::maxLength).sum();
    }

    /** The AI in brackets with its title, as a person reads it: {@code (17) USE BY or EXPIRY}. */
    public String label() {
        return "(" + ai + ") " + title;
    }
}
