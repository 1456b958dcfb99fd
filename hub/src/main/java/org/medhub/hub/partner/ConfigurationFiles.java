package org.medhub.hub.partner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The partner and mapping files of a configuration as one document: what a signature on putting it in force covers. */
final class ConfigurationFiles {

    private ConfigurationFiles() {}

    /** Each file of {@code partners/} and {@code mappings/}, in name order, as its name and its bytes. */
    static byte[] content(Path configDir) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String folder : List.of("partners", "mappings")) {
            Path dir = configDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    all.writeBytes((folder + "/" + file.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                    all.writeBytes(Files.readAllBytes(file));
                    all.write(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return all.toByteArray();
    }
}
