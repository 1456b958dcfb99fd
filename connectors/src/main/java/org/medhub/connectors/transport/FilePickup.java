package org.medhub.connectors.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A pickup of whole files, one record each, served by Camel's file components: an endpoint to take files from,
 * one to write the reason for a refused file to, and a size above which a file is refused unread.
 */
public interface FilePickup extends Pickup {

    /** Files that are still being written under a temporary name, by the usual conventions. */
    String TEMPORARY_NAMES = ".*\\.(tmp|part|partial|filepart)$";
    /** A file is taken once its size and time stamp have not changed for this long. */
    long READ_LOCK_CHECK_MS = 1000;
    /** Where taken files go, beside the folder they came from. */
    String DONE = ".done";
    /** Where refused files go, with their reasons. */
    String FAILED = ".failed";
    /** Exchange property: the folder, {@value #DONE} or {@value #FAILED}, the file goes to when the exchange completes. */
    String DESTINATION = "medhubPickupDestination";
    /** The consumer's move option, evaluated when the exchange completes: a refusal sends the file to {@value #FAILED}. */
    String MOVE = "${exchangeProperty." + DESTINATION + "}/${file:name}";

    /** The Camel endpoint URI files are taken from. */
    String sourceUri();

    /** The Camel endpoint URI a refused file's reason is written to. */
    String reasonsUri();

    long maxFileBytes();

    /** A file pickup's own settings, and those every file pickup takes. */
    static List<Setting> settings(Setting... own) {
        List<Setting> settings = new ArrayList<>(List.of(own));
        settings.add(Setting.optional("include", "regex", null,
                "a regular expression a file name must match; without it, every file"));
        settings.add(Setting.optional("maxFileSize", "size", "medhub.inbound.max-body-size",
                "a larger file is refused unread and kept aside with its reason"));
        settings.add(Setting.optional("pollInterval", "duration", "5s", "how often the folder is scanned (at least 100ms)"));
        return settings;
    }

    /** The options every file pickup shares: files whole and settled, moved aside once answered. */
    static List<String> pickupOptions(String include, long delayMs) {
        List<String> options = new ArrayList<>();
        options.add("readLock=changed");
        options.add("readLockCheckInterval=" + READ_LOCK_CHECK_MS);
        options.add("readLockTimeout=" + Math.max(10_000, 10 * READ_LOCK_CHECK_MS));
        // Camel leaves empty files alone by default: an empty file would wait in the folder for ever, unanswered
        options.add("readLockMinLength=0");
        options.add("move=" + MOVE);
        options.add("delay=" + delayMs);
        options.add("exclude=RAW(" + TEMPORARY_NAMES + ")");
        if (include != null) {
            options.add("include=RAW(" + include + ")");
        }
        return options;
    }
}
