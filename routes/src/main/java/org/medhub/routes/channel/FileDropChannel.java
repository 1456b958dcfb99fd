package org.medhub.routes.channel;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A folder the partner (or a person, or a shared drive) drops files into; each file is one record.
 *
 * @param folder absolute; created when it does not exist
 * @param include a regular expression a file name must match, or null for every file
 * @param maxFileBytes a larger file is refused and kept aside with its reason, unread
 * @param pollInterval how often the folder is scanned
 */
public record FileDropChannel(String partner, String name, String messageType, Path folder, String include,
        long maxFileBytes, Duration pollInterval) implements InboundChannel {}
