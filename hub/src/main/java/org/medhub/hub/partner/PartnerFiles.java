package org.medhub.hub.partner;

import java.nio.file.Path;

/** The partner files, read and checked afresh each time: at start-up and at every reload. */
final class PartnerFiles {

    private final Path directory;
    private final PartnerFileReader reader;

    PartnerFiles(Path directory, PartnerFileReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    /** A new registry of every file, or {@link PartnerConfigException} with every problem found. */
    PartnerRegistry load() {
        return PartnerRegistry.load(directory, reader);
    }
}
