package org.medhub.routes.inbound;

import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.canonical.validation.Violation;

/**
 * What the ledger and Kafka keep of an envelope beside its record: the business key (the record key of
 * the canonical topic, an indexed column) and the source's own id are bounded, and hold no control
 * characters but tabs and line breaks. The dictionary checks the record's fields; these two are made from what the source sent.
 */
final class EnvelopeLimits {

    static final int MAX_BUSINESS_KEY = 300;
    static final int MAX_SOURCE_ID = 100;

    private EnvelopeLimits() {}

    /** @param record which record of the document, e.g. {@code records[0][2]}, for the violation's field */
    static List<Violation> check(String record, Envelope envelope) {
        List<Violation> violations = new ArrayList<>();
        check(violations, record + ".businessKey", envelope.businessKey(), MAX_BUSINESS_KEY);
        check(violations, record + ".sourceId", envelope.sourceVersion(), MAX_SOURCE_ID);
        return violations;
    }

    private static void check(List<Violation> violations, String field, String value, int max) {
        PrintableText.check(field, value, max).ifPresent(violations::add);
    }
}
