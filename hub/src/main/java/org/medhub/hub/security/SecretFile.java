package org.medhub.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A generated secret on disk, readable by the hub's own user only. */
public final class SecretFile {

    private SecretFile() {}

    /** Created owner-only before the secret goes in, so that it is never readable by others, even briefly. */
    public static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret file " + file, e);
        }
    }
}
