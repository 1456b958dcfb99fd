package org.medhub.hub.messages;

import java.util.List;
import java.util.Optional;

/**
 * Which messages to list; every part is optional.
 *
 * @param keyParts parts the business key must hold (a lot, a serial, a UDI's identifiers: {@link KeySearch})
 * @param receivedFrom received at or after
 * @param receivedUntil received before
 * @param before the page after the one that ended at this message: see {@link Cursor}
 * @param scope the partners the person asking may see, or empty for every partner
 */
record MessageFilter(
        Optional<String> businessKey, List<String> keyParts, Optional<String> status, Optional<String> partner, Optional<String> entity,
        Optional<java.time.Instant> receivedFrom, Optional<java.time.Instant> receivedUntil, Optional<Cursor> before,
        int limit, Optional<java.util.Set<String>> scope) {

    /** Which messages a filter leaves for the next page: those received before this one (or at the same time, ordered by id). */
    record Cursor(java.time.Instant receivedAt, String messageId) {

        /** As the list answers it: the time and the id, joined by a space. */
        static Optional<Cursor> parse(String text) {
            int space = text.indexOf(' ');
            try {
                return space < 0 ? Optional.empty()
                        : Optional.of(new Cursor(java.time.Instant.parse(text.substring(0, space)), text.substring(space + 1)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return receivedAt + " " + messageId;
        }
    }
}
