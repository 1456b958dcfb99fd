package org.medhub.hub.partner;

import java.nio.file.Path;

/** The partner and change feed files, read and checked afresh each time: at start-up and at every reload. */
final class PartnerFiles {

    private final Path directory;
    private final PartnerFileReader reader;
    private final Path cdcDirectory;
    private final CdcFileReader cdcReader;

    PartnerFiles(Path directory, PartnerFileReader reader, Path cdcDirectory, CdcFileReader cdcReader) {
        this.directory = directory;
        this.reader = reader;
        this.cdcDirectory = cdcDirectory;
        this.cdcReader = cdcReader;
    }

    /** A new registry of every file, or {@link PartnerConfigException} with every problem found. */
    PartnerRegistry load() {
        return PartnerRegistry.load(directory, reader, cdcDirectory, cdcReader);
    }
}
