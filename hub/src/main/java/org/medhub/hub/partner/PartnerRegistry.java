package org.medhub.hub.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.medhub.connectors.file.FileDrop;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/**
 * The partners of {@code <config-dir>/partners/*.yml} and the change feeds of {@code <config-dir>/cdc/*.yml} (each
 * source a partner of its own), loaded and checked as a whole: one bad file
 * and none is taken, with every problem named. Immutable: a reload reads a new one and
 * {@link LivePartners} swaps it in.
 */
public class PartnerRegistry implements PartnerDirectory {

    private final Map<String, Partner> partners;
    private final Map<String, byte[]> credentialDigests;
    private final Map<String, List<InboundChannel>> channels;

    private PartnerRegistry(Map<String, Partner> partners, Map<String, byte[]> credentialDigests,
            Map<String, List<InboundChannel>> channels) {
        this.partners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partners));
        this.credentialDigests = Map.copyOf(credentialDigests);
        this.channels = Map.copyOf(channels);
    }

    static PartnerRegistry empty() {
        return new PartnerRegistry(Map.of(), Map.of(), Map.of());
    }

    static PartnerRegistry load(Path partnersDir, PartnerFileReader reader) {
        return load(partnersDir, reader, null, null);
    }

    /** @param cdcDir the change feeds' files ({@code config/cdc}), or null; a directory that does not exist holds none */
    static PartnerRegistry load(Path partnersDir, PartnerFileReader reader, Path cdcDir, CdcFileReader cdcReader) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Partner> partners = new LinkedHashMap<>();
        Map<String, byte[]> digests = new LinkedHashMap<>();
        Map<String, List<InboundChannel>> channels = new LinkedHashMap<>();
        Map<Path, String> folders = new HashMap<>();
        if (!Files.isDirectory(partnersDir)) {
            throw new PartnerConfigException(List.of(new ConfigProblem(partnersDir.toString(), "", "directory",
                    "the partner configuration directory does not exist (set medhub.config-dir)")));
        }
        try (Stream<Path> files = Files.list(partnersDir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                reader.read(file, problems).ifPresent(read -> {
                    partners.put(read.partner().id(), read.partner());
                    read.credentialDigest().ifPresent(digest -> digests.put(read.partner().id(), digest));
                    channels.put(read.partner().id(), read.channels());
                    oneChannelPerFolder(file, read.channels(), folders, problems);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + partnersDir, e);
        }
        if (cdcDir != null && Files.isDirectory(cdcDir)) {
            try (Stream<Path> files = Files.list(cdcDir)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                    cdcReader.read(file, problems).ifPresent(read -> {
                        if (partners.containsKey(read.partner().id())) {
                            problems.add(new ConfigProblem(file.toString(), "id", "id-unique", "'" + read.partner().id()
                                    + "' is already a partner's id in " + partnersDir + "; a source is a partner of its own"));
                            return;
                        }
                        partners.put(read.partner().id(), read.partner());
                        channels.put(read.partner().id(), read.channels());
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + cdcDir, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new PartnerConfigException(problems);
        }
        return new PartnerRegistry(partners, digests, channels);
    }

    /** Two channels watching one folder would race for its files and move each other's away. */
    private static void oneChannelPerFolder(Path file, List<InboundChannel> channels, Map<Path, String> folders,
            List<ConfigProblem> problems) {
        for (InboundChannel channel : channels) {
            if (channel.pickup() instanceof FileDrop drop) {
                String owner = folders.putIfAbsent(drop.folder(), channel.partner() + " channel " + channel.name());
                if (owner != null) {
                    problems.add(new ConfigProblem(file.toString(), "channels." + channel.name() + ".folder",
                            "folder-unique", drop.folder() + " is already watched by " + owner));
                }
            }
        }
    }

    @Override
    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    @Override
    public Collection<Partner> partners() {
        return partners.values();
    }

    /** The channels of one partner, in the order of its file. */
    public List<InboundChannel> channels(String partnerId) {
        return channels.getOrDefault(partnerId, List.of());
    }

    /** Whether {@code secret} is the inbound credential of {@code partnerId}; compared in constant time. */
    public boolean credentialMatches(String partnerId, String secret) {
        byte[] expected = credentialDigests.get(partnerId);
        return expected != null && MessageDigest.isEqual(expected, CredentialStore.digest(secret));
    }

    /**
     * Whether {@code signature} is the HMAC-SHA256 of {@code signed} under the partner's key, the SHA-256 of its
     * credential (the hub keeps nothing else of it); compared in constant time, for an unknown partner too.
     */
    public boolean signatureMatches(String partnerId, byte[] signed, byte[] signature) {
        byte[] key = credentialDigests.get(partnerId);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key == null ? new byte[32] : key, "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(signed), signature) && key != null;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** What a reload from {@code this} to {@code next} adds, removes and changes, by partner id. */
    PartnerChanges changesTo(PartnerRegistry next) {
        Set<String> ids = new LinkedHashSet<>(partners.keySet());
        ids.addAll(next.partners.keySet());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (String id : ids) {
            if (!partners.containsKey(id)) {
                added.add(id);
            } else if (!next.partners.containsKey(id)) {
                removed.add(id);
            } else if (!partners.get(id).equals(next.partners.get(id)) || !channels(id).equals(next.channels(id))
                    || !Arrays.equals(credentialDigests.get(id), next.credentialDigests.get(id))) {
                changed.add(id);
            } else {
                unchanged.add(id);
            }
        }
        return new PartnerChanges(added, removed, changed, unchanged);
    }
}
