package org.medhub.hub.partner;

import java.util.List;
import java.nio.file.Path;
import java.security.Principal;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.problem.Problems;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/partners/reload}: operators with role ADMIN put edited partner files in force without a restart. */
@RestController
class PartnerReloadController {

    private final PartnerReload reload;
    private final ElectronicSignatures signatures;
    private final Path configDir;
    private final PartnerVersions versions;

    PartnerReloadController(PartnerReload reload, ElectronicSignatures signatures, MedhubProperties properties,
            PartnerVersions versions) {
        this.reload = reload;
        this.signatures = signatures;
        this.configDir = properties.configDir();
        this.versions = versions;
    }

    /** Putting a configuration in force is signed (the meaning is usually APPROVAL). */
    record ReloadRequest(ElectronicSignatures.Signature signature) {}

    /**
     * What a reload changed, by partner id.
     *
     * @param failures routes of the new configuration that could not start
     */
    record ReloadAnswer(List<String> added, List<String> removed, List<String> changed, List<String> unchanged,
            List<String> failures) {}

    @PostMapping("/api/partners/reload")
    ReloadAnswer reload(@RequestBody(required = false) ReloadRequest request, Principal admin) {
        // bound to the files as they are now: the signature says which configuration was approved
        signatures.sign(admin.getName(), request == null ? null : request.signature(), "putting partner files in force",
                "configuration/partners", ConfigurationFiles.content(configDir));
        try {
            PartnerReload.Result result = reload.reload();
            PartnerChanges changes = result.changes();
            List<String> inForce = new java.util.ArrayList<>(changes.added());
            inForce.addAll(changes.changed());
            versions.record(admin.getName(), inForce);
            versions.removed(admin.getName(), changes.removed());
            return new ReloadAnswer(changes.added(), changes.removed(), changes.changed(), changes.unchanged(),
                    result.failures());
        } catch (PartnerConfigException e) {
            ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-partner-configuration",
                    "Invalid partner configuration", e.problems().size()
                            + " problem(s) in the partner files; the configuration in force is unchanged");
            problem.setProperty("problems", e.problems());
            throw Problems.fail(problem);
        }
    }
}
