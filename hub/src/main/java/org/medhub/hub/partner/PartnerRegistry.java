package org.medhub.hub.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/**
 * The partners of {@code <config-dir>/partners/*.yml}, loaded and checked as a whole: one bad file
 * and none is taken, with every problem named.
 */
public class PartnerRegistry implements PartnerDirectory {

    private final Map<String, Partner> partners;
    private final Map<String, byte[]> credentialDigests;

    private PartnerRegistry(Map<String, Partner> partners, Map<String, byte[]> credentialDigests) {
        this.partners = Map.copyOf(partners);
        this.credentialDigests = Map.copyOf(credentialDigests);
    }

    static PartnerRegistry load(Path partnersDir, PartnerFileReader reader) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Partner> partners = new LinkedHashMap<>();
        Map<String, byte[]> digests = new LinkedHashMap<>();
        if (!Files.isDirectory(partnersDir)) {
            throw new PartnerConfigException(List.of(new ConfigProblem(partnersDir.toString(), "", "directory",
                    "the partner configuration directory does not exist (set medhub.config-dir)")));
        }
        try (Stream<Path> files = Files.list(partnersDir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                reader.read(file, problems).ifPresent(read -> {
                    partners.put(read.partner().id(), read.partner());
                    read.credentialDigest().ifPresent(digest -> digests.put(read.partner().id(), digest));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + partnersDir, e);
        }
        if (!problems.isEmpty()) {
            throw new PartnerConfigException(problems);
        }
        return new PartnerRegistry(partners, digests);
    }

    @Override
    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    @Override
    public Collection<Partner> partners() {
        return partners.values();
    }

    /** Whether {@code secret} is the inbound credential of {@code partnerId}; compared in constant time. */
    public boolean credentialMatches(String partnerId, String secret) {
        byte[] expected = credentialDigests.get(partnerId);
        return expected != null && MessageDigest.isEqual(expected, CredentialStore.digest(secret));
    }
}
