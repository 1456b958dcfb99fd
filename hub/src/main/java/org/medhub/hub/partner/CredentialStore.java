package org.medhub.hub.partner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Function;
import org.medhub.connectors.transport.Secret;
import org.medhub.hub.secrets.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves credential references ({@code env:NAME}, {@code file:PATH}) to secrets. Only a digest of
 * each secret is kept in memory, and no secret is ever logged.
 */
public class CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);

    private final Path dataDir;
    private final Function<String, String> environment;
    private final boolean generateMissingFiles;

    /**
     * @param dataDir a relative {@code file:} path is resolved against it
     * @param generateMissingFiles for the sample configuration: a missing secret file is created with a random secret
     */
    public CredentialStore(Path dataDir, Function<String, String> environment, boolean generateMissingFiles) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.generateMissingFiles = generateMissingFiles;
    }

    /** The digest of the referenced secret, or a sentence saying why there is none. */
    Resolution resolve(String reference) {
        Outbound secret = reveal(reference, generateMissingFiles);
        return secret.problem() != null ? Resolution.failed(secret.problem()) : Resolution.of(secret.secret().reveal());
    }

    /**
     * A secret the hub presents to a partner's system (an SFTP password, an API token) or to an OpenID Connect
     * issuer (its client secret): kept as it is, since it must be sent, inside a {@link Secret} that never
     * prints it. Never generated: a made-up password would not open the partner's door.
     */
    public Outbound outbound(String reference) {
        return reveal(reference, false);
    }

    /** A {@code file:} path as the hub reads it: relative paths are under the data directory. */
    Path path(String relative) {
        return dataDir.resolve(relative).normalize();
    }

    private Outbound reveal(String reference, boolean generate) {
        if (reference.startsWith("env:")) {
            String name = reference.substring("env:".length());
            String secret = environment.apply(name);
            return secret == null || secret.isBlank()
                    ? Outbound.failed("environment variable " + name + " is not set")
                    : Outbound.of(secret);
        }
        if (reference.startsWith("file:")) {
            Path file = path(reference.substring("file:".length()));
            if (!Files.exists(file) && generate) {
                generate(file);
            }
            if (!Files.isReadable(file)) {
                return Outbound.failed("secret file " + file + " does not exist or cannot be read");
            }
            try {
                String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                return secret.isEmpty() ? Outbound.failed("secret file " + file + " is empty") : Outbound.of(secret);
            } catch (IOException e) {
                return Outbound.failed("cannot read secret file " + file + ": " + e.getMessage());
            }
        }
        return Outbound.failed("must be a reference, env:NAME or file:PATH; a secret is never written in the file itself");
    }

    private void generate(Path file) {
        SecretFile.write(file, SecretFile.generate());
        log.info("Generated a partner credential in {}", file);
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public record Outbound(Secret secret, String problem) {
        static Outbound of(String secret) {
            return new Outbound(new Secret(secret), null);
        }

        static Outbound failed(String problem) {
            return new Outbound(null, problem);
        }
    }

    record Resolution(Optional<byte[]> digest, String problem) {
        static Resolution of(String secret) {
            return new Resolution(Optional.of(CredentialStore.digest(secret)), null);
        }

        static Resolution failed(String problem) {
            return new Resolution(Optional.empty(), problem);
        }
    }
}
