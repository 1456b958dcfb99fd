package org.medhub.hub.genealogy;

import java.security.Principal;
import java.util.Map;
import java.util.NoSuchElementException;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A batch's evidence pack, as a zip archive with a manifest of hashes; each export is in the audit trail. */
@RestController
class EvidenceController {

    private final EvidencePacks packs;
    private final AuditTrail audit;

    EvidenceController(EvidencePacks packs, AuditTrail audit) {
        this.packs = packs;
        this.audit = audit;
    }

    /** @param batch the batch's business key, e.g. {@code 01/09506000134352/10/L1} */
    @GetMapping(value = "/api/evidence", produces = "application/zip")
    ResponseEntity<byte[]> evidence(@RequestParam String batch, Principal person) {
        Problems.requireFitText("batch", batch, 300);
        byte[] pack;
        try {
            pack = packs.of(batch);
        } catch (NoSuchElementException e) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
        }
        audit.record(person.getName(), "evidence.export", "batch/" + batch, Map.of("sha256", MessageIds.sha256Hex(pack),
                "bytes", pack.length));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-"
                        + batch.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip\"").body(pack);
    }
}
