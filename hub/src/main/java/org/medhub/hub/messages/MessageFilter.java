package org.medhub.hub.messages;

import java.util.Optional;

/** Which messages to list; every part is optional. */
record MessageFilter(
        Optional<String> businessKey, Optional<String> status, Optional<String> partner, Optional<String> entity,
        int limit) {}
