package org.medhub.hub.messages;

import java.util.Optional;

/**
 * Which messages to list; every part is optional.
 *
 * @param scope the partners the person asking may see, or empty for every partner
 */
record MessageFilter(
        Optional<String> businessKey, Optional<String> status, Optional<String> partner, Optional<String> entity,
        int limit, Optional<java.util.Set<String>> scope) {}
