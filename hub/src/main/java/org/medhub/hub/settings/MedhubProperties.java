package org.medhub.hub.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.routes.pipeline.BatchConsumers;
import org.medhub.routes.sync.SyncPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator can set under {@code medhub.*}, checked at start-up.
 *
 * @param dataDir where embedded engines and generated secrets keep their state
 * @param configDir where {@code partners/*.yml} are read from
 */
@ConfigurationProperties("medhub")
@Validated
public record MedhubProperties(
        @NotNull @DefaultValue("data") Path dataDir,
        @NotNull @DefaultValue("config") Path configDir,
        @Valid @DefaultValue Inbound inbound,
        @Valid @DefaultValue Api api,
        @Valid @DefaultValue DeadLetters deadLetters,
        @Valid @DefaultValue Topics topics,
        @Valid @DefaultValue Partners partners,
        @Valid @DefaultValue Simulators simulators,
        @Valid @DefaultValue Delivery delivery,
        @Valid @DefaultValue Pipeline pipeline,
        @Valid @DefaultValue Sync sync,
        @Valid @DefaultValue Admin admin,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Cdc cdc) {

    /** @param maxBodySize a larger inbound body is refused before it is read */
    public record Inbound(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {}

    /** @param maxBodySize a larger body to the operations API (anything but {@code /api/inbound}) is refused */
    public record Api(@NotNull @DefaultValue("64KB") DataSize maxBodySize) {}

    /**
     * @param maxInlineSize failed bytes up to this size travel in their dead letter; larger ones stay at their raw or
     *     canonical record, which the dead letter names with their length and hash
     */
    public record DeadLetters(@NotNull @DefaultValue("256KB") DataSize maxInlineSize) {}

    /**
     * @param partitions of every medhub topic: the ceiling on consumers per group, so on hub instances that share work
     * @param rawRetention how long raw bytes stay replayable
     * @param eventRetention how long canonical events stay on their topics (master data is compacted instead:
     *     the latest record of every key stays)
     * @param deadLetterRetention how long dead letters and conflicts stay
     * @param maxRecordSize the largest record the hub writes to Kafka (the producer's {@code max.request.size}, and
     *     {@code max.message.bytes} of the topics it creates): a raw record holds a whole inbound body
     */
    public record Topics(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor,
            @NotNull @DefaultValue("30d") Duration rawRetention,
            @NotNull @DefaultValue("400d") Duration eventRetention,
            @NotNull @DefaultValue("400d") Duration deadLetterRetention,
            @NotNull @DefaultValue("2MB") DataSize maxRecordSize) {}

    /** What a record adds to the bytes it carries at most: key, headers, a dead letter's reason and the framing. */
    static final DataSize RECORD_OVERHEAD = DataSize.ofKilobytes(64);

    public MedhubProperties {
        if (inbound != null && topics != null
                && inbound.maxBodySize().toBytes() + RECORD_OVERHEAD.toBytes() > topics.maxRecordSize().toBytes()) {
            throw new IllegalArgumentException("medhub.inbound.max-body-size (" + inbound.maxBodySize()
                    + ") must leave " + RECORD_OVERHEAD + " of medhub.topics.max-record-size ("
                    + topics.maxRecordSize() + ") for the raw record's key and headers");
        }
        // a dead letter carries its bytes base64-encoded in JSON: a third larger
        if (deadLetters != null && topics != null
                && deadLetters.maxInlineSize().toBytes() * 4 / 3 + RECORD_OVERHEAD.toBytes() > topics.maxRecordSize().toBytes()) {
            throw new IllegalArgumentException("medhub.dead-letters.max-inline-size (" + deadLetters.maxInlineSize()
                    + "), base64-encoded, must leave " + RECORD_OVERHEAD + " of medhub.topics.max-record-size ("
                    + topics.maxRecordSize() + ") for the rest of the dead letter");
        }
    }

    /** @param generateMissingSecrets create a random secret for a missing {@code file:} credential (sample configuration only) */
    public record Partners(@DefaultValue("false") boolean generateMissingSecrets) {}

    /** @param enabled whether {@code simulator:} URLs may start simulated external systems */
    public record Simulators(@DefaultValue("true") boolean enabled) {}

    /**
     * @param timeout for one HTTP delivery attempt
     * @param retryPeriod how often the retry worker looks for messages whose time has come
     * @param retryLease how long a message the retry worker took stays its own: no other instance tries it
     *     meanwhile, and when the instance dies mid-try, the message waits this long before it is tried again
     */
    public record Delivery(
            @NotNull @DefaultValue("10s") Duration timeout,
            @NotNull @DefaultValue("200ms") Duration retryPeriod,
            @NotNull @DefaultValue("2m") Duration retryLease) {}

    /**
     * @param maxBatch records one mapping or delivery batch takes from Kafka at most
     * @param linger how long the producer waits to fill a batch: a little latency buys a lot of throughput
     * @param batchInterval how long a consumer gathers records before it hands on an incomplete batch: each stage
     *     adds up to this much to a record's latency; shorter costs an idle hub more polling (docs/benchmarks.md)
     * @param consumers Kafka consumers per mapping pipeline and per subscription, each with partitions
     *     of its own; more than a topic's partitions would idle. More helps where cores are spare: on two
     *     shared cores three consumers made the batches slower, not faster (docs/benchmarks.md)
     * @param fetchWait how long the broker may hold a consumer's fetch when it has nothing new: a record
     *     that arrives meanwhile on a partition left out of that fetch waits this long (docs/benchmarks.md)
     */
    public record Pipeline(
            @Min(1) @DefaultValue("500") int maxBatch,
            @NotNull @DefaultValue("5ms") Duration linger,
            @NotNull @DefaultValue("3ms") Duration batchInterval,
            @Min(1) @DefaultValue("1") int consumers,
            @NotNull @DefaultValue("50ms") Duration fetchWait) {

        public BatchConsumers batchConsumers() {
            return new BatchConsumers(maxBatch, batchInterval, consumers, fetchWait);
        }
    }

    /**
     * @param claimInterval how often an instance that reads no change feed asks whether it may take one over (another
     *     instance stopped, or a paused source was resumed)
     */
    public record Cdc(@NotNull @DefaultValue("5s") Duration claimInterval) {}

    /** @param ownership what the hub does when a system changes a field another system owns */
    public record Sync(@NotNull @DefaultValue("FLAG") SyncPolicy.Ownership ownership) {}

    /**
     * @param lockout what repeated failed sign-ins of an operator lead to
     * @param roles every role with the permissions it has (defaults in the hub's application.yml; the permissions are
     *     {@code org.medhub.hub.security.Permission}'s, checked at start)
     * @param oidc sign-in with an OpenID Connect issuer for browsers; none when absent
     */
    public record Security(@Valid @DefaultValue Lockout lockout, Map<String, Set<String>> roles, @Valid Oidc oidc) {

        public Security {
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    /**
     * @param maxFailures failed sign-ins in a row that lock an operator's account
     * @param duration how long it stays locked (an administrator can unlock it sooner)
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("15m") Duration duration) {}

    /**
     * A browser's session opened by an OpenID Connect issuer (the authorization code flow) for a person who is a medhub
     * user already: the issuer proves who they are, medhub decides what they may do.
     *
     * @param issuerUri the issuer, exactly as its discovery document ({@code /.well-known/openid-configuration}) names it
     * @param clientId medhub's client id at the issuer
     * @param clientSecret a reference to medhub's client secret, {@code env:NAME} or {@code file:PATH} (relative to the
     *     data directory), never the secret itself
     * @param usernameClaim the claim of the ID token (or of the issuer's user info) that holds the person's medhub
     *     username, matched exactly
     * @param scopes asked of the issuer; {@code openid} among them
     */
    public record Oidc(
            @NotNull URI issuerUri,
            @NotBlank String clientId,
            @NotBlank @Pattern(regexp = "(env|file):.+",
                    message = "must be a reference, env:NAME or file:PATH; a secret is never written in the configuration")
                    String clientSecret,
            @NotBlank @DefaultValue("preferred_username") String usernameClaim,
            @NotEmpty @DefaultValue({"openid", "profile"}) List<String> scopes) {

        public Oidc {
            if (scopes != null && !scopes.contains("openid")) {
                throw new IllegalArgumentException("medhub.security.oidc.scopes (" + scopes + ") must include openid");
            }
            scopes = scopes == null ? null : List.copyOf(scopes);
        }
    }

    /** @param password of the seeded admin; when absent, one is generated and printed once at first start */
    public record Admin(String password) {

        @Override
        public String toString() {
            return "Admin[password=" + (password == null ? "unset" : "***") + "]";
        }
    }
}
