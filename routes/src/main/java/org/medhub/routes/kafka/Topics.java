package org.medhub.routes.kafka;

/** Topic names, as laid out in the architecture. */
public final class Topics {

    public static final String DLQ = "medhub.dlq";
    public static final String CONFLICTS = "medhub.conflicts";
    public static final String AUDIT = "medhub.audit";

    private Topics() {}

    public static String raw(String source) {
        return "medhub.raw." + source;
    }

    public static String canonical(String entityTopicName) {
        return "medhub.canonical." + entityTopicName;
    }
}
