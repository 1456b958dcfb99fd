package org.medhub.canonical.gs1;

/** One Application Identifier with its value, e.g. {@code (17) 251231}. */
public record AiElement(String ai, String value) {

    @Override
    public String toString() {
        return "(" + ai + ")" + value;
    }
}
