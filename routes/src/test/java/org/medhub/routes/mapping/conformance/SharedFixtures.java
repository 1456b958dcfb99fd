package org.medhub.routes.mapping.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The repository's shared fixtures folder ({@code shared/fixtures}, a sibling of the git worktrees), found by walking
 * up from the working directory, or named by {@code -Dmedhub.fixtures=/path}. Tests that need it are skipped, with a
 * message, when it is absent; nothing from it is copied into the project. (The same search as canonical-model's
 * test helper, which this module does not depend on.)
 */
final class SharedFixtures {

    static final String PROPERTY = "medhub.fixtures";

    private SharedFixtures() {}

    static Optional<Path> folder() {
        String override = System.getProperty(PROPERTY);
        if (override != null) {
            Path path = Path.of(override);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The folder at {@code relative} inside the fixtures; skips the calling test, saying why, when it is not there. */
    static Path requireFolder(String relative) {
        Optional<Path> folder = folder();
        Assumptions.assumeTrue(folder.isPresent(), () -> "SKIPPED: no shared/fixtures folder found walking up from "
                + Path.of("").toAbsolutePath() + (System.getProperty(PROPERTY) != null ? " (-D" + PROPERTY + "="
                        + System.getProperty(PROPERTY) + " does not exist)" : "") + ", so " + relative + " was not used");
        Path path = folder.get().resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(path), () -> "SKIPPED: " + path + " is missing from the shared fixtures");
        return path;
    }

    /** The files under {@code folder} whose names end in one of {@code extensions}, sorted. */
    static List<Path> files(Path folder, String... extensions) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions).anyMatch(e -> f.getFileName().toString().endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
