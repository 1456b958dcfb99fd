package org.medhub.hub.messages;

import java.util.List;
import java.util.Optional;

/**
 * Which messages to list; every part is optional.
 *
 * @param keyParts parts the business key must hold (a lot, a serial, a UDI's identifiers: {@link KeySearch})
 * @param scope the partners the person asking may see, or empty for every partner
 */
record MessageFilter(
        Optional<String> businessKey, List<String> keyParts, Optional<String> status, Optional<String> partner, Optional<String> entity,
        int limit, Optional<java.util.Set<String>> scope) {}
