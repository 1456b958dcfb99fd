package org.medhub.connectors.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.medhub.connectors.transport.FilePickup;
import org.medhub.connectors.transport.Setting;
import org.medhub.connectors.transport.TransportDescription;

/**
 * A folder the partner (or a person, or a shared drive) drops files into; each file is one record.
 *
 * @param folder absolute; created when it does not exist
 * @param include a regular expression a file name must match, or null for every file
 * @param maxFileBytes a larger file is refused and kept aside with its reason, unread
 * @param pollInterval how often the folder is scanned
 */
public record FileDrop(Path folder, String include, long maxFileBytes, Duration pollInterval) implements FilePickup {

    public static final String TRANSPORT = "file";

    public static final TransportDescription DESCRIPTION = new TransportDescription(TRANSPORT, "inbound",
            "a folder the partner, a person or a shared drive drops files into; each file is one record", FilePickup.settings(
            Setting.required("folder", "path", "the folder, relative to the data directory; created when missing")));

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public String sourceUri() {
        List<String> options = FilePickup.pickupOptions(include, pollInterval.toMillis());
        options.add("autoCreate=true");
        return "file:" + folder + "?" + String.join("&", options);
    }

    @Override
    public String reasonsUri() {
        return "file:" + folder.resolve(FAILED);
    }
}
