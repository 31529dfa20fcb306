package dev.gatehouse.sender;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.internal.sender.DpopSettings;
import dev.gatehouse.internal.sender.InMemoryReplayStore;
import dev.gatehouse.internal.time.ClockSkew;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The DPoP step's settings: whether paths without a {@code dpop=} rule accept DPoP-bound tokens,
 * what a proof must satisfy, and the bounds of the state the step keeps.
 *
 * @param mode for paths whose rule does not say ({@link DpopMode#ALLOWED} by default)
 * @param algorithms the proof algorithms, in the order a challenge's {@code algs} names them
 * @param proofMaxAge how long after its {@code iat} a proof is accepted, before the clock skew
 * @param nonceRequired whether every proof must carry a current nonce of this server
 * @param nonceSlot a nonce is accepted for one to two slots of this length
 * @param nonceRotation how often the in-process nonce secret is replaced
 * @param replayMaxEntries the bound of the in-process replay store
 * @param publicBaseUrl the origin clients address this application by, when a proxy in front
 *     changes it: a proof's {@code htu} is compared with it and the request's path; empty means the
 *     request URL as the container sees it
 */
public record DpopPolicy(
    DpopMode mode,
    Set<String> algorithms,
    Duration proofMaxAge,
    boolean nonceRequired,
    Duration nonceSlot,
    Duration nonceRotation,
    int replayMaxEntries,
    Optional<URI> publicBaseUrl) {

  public static final Duration DEFAULT_NONCE_SLOT = Duration.ofMinutes(2);
  public static final Duration DEFAULT_NONCE_ROTATION = Duration.ofHours(24);

  /** DPoP allowed, {@link DpopSettings#DEFAULT_ALGORITHMS}, 60 s, no nonce, 200,000 entries. */
  public static final DpopPolicy DEFAULTS = builder().build();

  /**
   * @throws IllegalArgumentException naming what is out of range
   */
  public DpopPolicy {
    Objects.requireNonNull(mode, "mode");
    algorithms = checkedAlgorithms(algorithms);
    if (proofMaxAge.isNegative() || proofMaxAge.isZero()) {
      throw new IllegalArgumentException(
          ConfigKey.DPOP_PROOF_MAX_AGE.property() + ": " + proofMaxAge + " must be positive");
    }
    if (nonceSlot.toSeconds() < 1 || nonceRotation.compareTo(nonceSlot) < 0) {
      throw new IllegalArgumentException(
          "DPoP nonce slot must be at least 1s and no longer than the rotation period");
    }
    if (replayMaxEntries < 1) {
      throw new IllegalArgumentException(
          ConfigKey.DPOP_REPLAY_MAX_ENTRIES.property()
              + ": "
              + replayMaxEntries
              + " must be positive");
    }
    publicBaseUrl.ifPresent(
        u -> Values.origin(u, ConfigKey.PUBLIC_BASE_URL.property(), "https://api.example.com"));
  }

  /** The DPoP scheme is accepted on some path, or may be by a rule. */
  public boolean schemeOn() {
    return mode != DpopMode.OFF;
  }

  /** As the proof verifier's settings check them, with the property named in the message. */
  private static Set<String> checkedAlgorithms(Set<String> algorithms) {
    try {
      return new DpopSettings(algorithms, Duration.ofSeconds(1), ClockSkew.of(Duration.ZERO), false)
          .algorithms();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ConfigKey.DPOP_ALGORITHMS.property() + ": " + e.getMessage(), e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the DPoP settings; starts from the defaults. */
  public static final class Builder {
    private DpopMode mode = DpopMode.ALLOWED;
    private Set<String> algorithms = DpopSettings.DEFAULT_ALGORITHMS;
    private Duration proofMaxAge = DpopSettings.DEFAULT_MAX_AGE;
    private boolean nonceRequired;
    private Duration nonceSlot = DEFAULT_NONCE_SLOT;
    private Duration nonceRotation = DEFAULT_NONCE_ROTATION;
    private int replayMaxEntries = InMemoryReplayStore.DEFAULT_MAX_ENTRIES;
    private @Nullable URI publicBaseUrl;

    private Builder() {}

    /** For paths whose rule has no {@code dpop=}: off, allowed (default) or required. */
    public Builder mode(DpopMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Proof algorithms, asymmetric only, in {@code algs} order (default ES256, EdDSA, PS256,
     * RS256).
     */
    public Builder algorithms(Iterable<String> names) {
      Set<String> chosen = new LinkedHashSet<>();
      names.forEach(chosen::add);
      this.algorithms = chosen;
      return this;
    }

    /** How old a proof's {@code iat} may be, before the clock skew (default 60 s). */
    public Builder proofMaxAge(Duration age) {
      this.proofMaxAge = Objects.requireNonNull(age, "age");
      return this;
    }

    /** Every proof must carry a current server nonce (RFC 9449 section 9). */
    public Builder requireNonce() {
      this.nonceRequired = true;
      return this;
    }

    /** Nonce slot length (default 2 min) and secret rotation period (default 24 h). */
    public Builder nonceTiming(Duration slot, Duration rotation) {
      this.nonceSlot = Objects.requireNonNull(slot, "slot");
      this.nonceRotation = Objects.requireNonNull(rotation, "rotation");
      return this;
    }

    /** Bound of the in-process replay store (default 200,000). */
    public Builder replayMaxEntries(int entries) {
      this.replayMaxEntries = entries;
      return this;
    }

    /**
     * The origin clients use, e.g. {@code https://api.example.com}, when a proxy in front of the
     * application makes the container see another one.
     */
    public Builder publicBaseUrl(URI origin) {
      this.publicBaseUrl = Objects.requireNonNull(origin, "origin");
      return this;
    }

    public DpopPolicy build() {
      return new DpopPolicy(
          mode,
          algorithms,
          proofMaxAge,
          nonceRequired,
          nonceSlot,
          nonceRotation,
          replayMaxEntries,
          Optional.ofNullable(publicBaseUrl));
    }
  }
}
