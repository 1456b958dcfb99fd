package org.medhub.hub.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Electronic signatures (21 CFR 11.50, 11.70, 11.200): the signer enters their password again and says what the
 * signature means; the signature names the signer, the time and the meaning, and is bound to the SHA-256 of what was
 * signed, so it cannot be moved to another record. Each is kept in the audit trail.
 */
@Component
public class ElectronicSignatures {

    /** What a signature means, as the person signing says it. */
    public static final Set<String> MEANINGS = Set.of("REVIEW", "APPROVAL", "RESPONSIBILITY");

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    ElectronicSignatures(JdbcUserDetailsManager users, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the signer gives: their password again, and the meaning. */
    public record Signature(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password, String meaning) {

        @Override
        public String toString() {
            return "Signature[meaning=" + meaning + "]"; // never the password
        }
    }

    /** @param contentSha256 the SHA-256 of what was signed, in hex */
    public record Signed(String signer, String meaning, Instant signedAt, String contentSha256) {}

    /**
     * Signs {@code content} as {@code signer} for {@code action} on {@code subject}, or refuses with a problem: 400
     * without a signature or with an unknown meaning, 403 when the password is not the signer's.
     */
    public Signed sign(String signer, Signature signature, String action, String subject, byte[] content) {
        if (signature == null || signature.password() == null || signature.meaning() == null) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "signature-required", "Signature required",
                    action + " is signed: give \"signature\": {\"password\": your password, \"meaning\": one of "
                            + new java.util.TreeSet<>(MEANINGS) + "} (21 CFR 11.200)"));
        }
        if (!MEANINGS.contains(signature.meaning())) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "signature-meaning", "Unknown meaning",
                    "a signature's meaning is one of " + new java.util.TreeSet<>(MEANINGS)));
        }
        if (!users.userExists(signer) || !passwords.matches(signature.password(), users.loadUserByUsername(signer).getPassword())) {
            throw Problems.fail(Problems.problem(HttpStatus.FORBIDDEN, "signature", "Signature refused",
                    "the password is not " + signer + "'s; nothing was signed or done"));
        }
        Signed signed = new Signed(signer, signature.meaning(), clock.instant(), MessageIds.sha256Hex(content));
        audit.record(signer, "signature", subject, Map.of("action", action, "meaning", signed.meaning(),
                "printedName", signer, "signedAt", signed.signedAt().toString(), "contentSha256", signed.contentSha256()));
        return signed;
    }
}
