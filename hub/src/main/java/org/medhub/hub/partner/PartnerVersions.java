package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.settings.MedhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Every version of a partner's file that was in force, in the audit trail ({@code partner.version}, subject
 * {@code partner/<id>}: the file's text and SHA-256, who put it in force): its history for people and inspectors. A
 * version is recorded when the hub starts with a file it has not recorded yet (edited while it was down) and when a
 * reload puts one in force; a partner removed is recorded as {@code partner.removed}.
 */
@Component
public class PartnerVersions implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(PartnerVersions.class);

    static final String VERSION = "partner.version";

    private final AuditTrail audit;
    private final Path configDir;

    private final LivePartners partners;

    PartnerVersions(AuditTrail audit, MedhubProperties properties, LivePartners partners) {
        this.audit = audit;
        this.configDir = properties.configDir();
        this.partners = partners;
    }

    /** Files edited while the hub was down are in force now: recorded as the hub's doing, at start. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        try {
            record("medhub", partners.partners().stream().map(p -> p.id()).toList());
        } catch (RuntimeException e) {
            // another instance starting at the same moment may have recorded them; the hub runs either way
            log.warn("Could not record the partner files' versions at start: {}", e.getMessage());
        }
    }

    /** Records the partners' files that differ from their last recorded version. */
    void record(String actor, java.util.Collection<String> partnerIds) {
        for (String id : partnerIds) {
            Optional<Path> file = file(id);
            if (file.isEmpty()) {
                continue;
            }
            String text = read(file.get());
            String sha256 = MessageIds.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
            List<ObjectNode> versions = versions(id);
            ObjectNode last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (last == null || !sha256.equals(last.at("/detail/sha256").asText())) {
                audit.record(actor, VERSION, subject(id), Map.of("version", versions.size() + 1, "sha256", sha256,
                        "file", configDir.relativize(file.get()).toString(), "text", text));
            }
        }
    }

    void removed(String actor, java.util.Collection<String> partnerIds) {
        partnerIds.forEach(id -> audit.record(actor, "partner.removed", subject(id), Map.of()));
    }

    /** The versions of a partner's file, oldest first, as the audit trail holds them. */
    public List<ObjectNode> versions(String partnerId) {
        return audit.about(subject(partnerId)).stream().filter(e -> VERSION.equals(e.get("action").asText())).toList();
    }

    /** The partner's file as it is on disk now; empty for a partner without one. */
    public Optional<String> text(String partnerId) {
        return file(partnerId).map(PartnerVersions::read);
    }

    private Optional<Path> file(String id) {
        for (String folder : List.of("partners", "cdc")) {
            Path file = configDir.resolve(folder).resolve(id + ".yml");
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String subject(String partnerId) {
        return "partner/" + partnerId;
    }
}
