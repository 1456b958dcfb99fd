package org.medhub.hub.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A generated secret on disk, readable by the hub's own user only, in a folder only that user can enter. */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    /** Created owner-only before the secret goes in, so that it is never readable by others, even briefly. */
    public static void write(Path file, String secret) {
        try {
            ownerOnlyDirectory(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret file " + file, e);
        }
    }

    /** The secret in {@code file}; a new random one, written there, when there is none yet. */
    public static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret file " + file, e);
        }
        String secret = generate();
        write(file, secret);
        return secret;
    }

    /** 192 random bits, URL-safe. */
    public static String generate() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * {@code directory} and its missing parents, made (or, when they exist, set) {@code rwx------}: the data
     * directory holds the database, the broker's log and the secrets, none of them for other local users.
     */
    public static void ownerOnlyDirectory(Path directory) {
        try {
            Path absolute = directory.toAbsolutePath();
            if (!Files.isDirectory(absolute)) {
                if (absolute.getParent() != null) {
                    Files.createDirectories(absolute.getParent());
                }
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + directory + " a folder for the hub's user alone", e);
        }
    }
}
