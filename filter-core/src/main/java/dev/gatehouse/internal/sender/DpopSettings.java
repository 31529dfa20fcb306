package dev.gatehouse.internal.sender;

import dev.gatehouse.internal.time.ClockSkew;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a DPoP proof must satisfy beyond the fixed checks of RFC 9449 section 4.3.
 *
 * @param algorithms the JWS algorithms a proof may be signed with, announced in a challenge's
 *     {@code algs} in the given set's iteration order; asymmetric ones only ({@link
 *     #SUPPORTED_ALGORITHMS})
 * @param maxAge how long after its {@code iat} a proof is still accepted (before the skew)
 * @param skew the tolerance for the client's clock, on both sides of the window
 * @param nonceRequired whether every proof must carry a current nonce of this server
 */
public record DpopSettings(
    Set<String> algorithms, Duration maxAge, ClockSkew skew, boolean nonceRequired) {

  /** Every algorithm that may be allowed: the asymmetric signatures of RFC 7518 and EdDSA. */
  public static final Set<String> SUPPORTED_ALGORITHMS =
      Set.of(
          "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512", "EdDSA");

  /**
   * ES256 first, the algorithm of RFC 9449's examples; then EdDSA, PS256 and RS256 for clients
   * whose keys are Ed25519 or RSA.
   */
  public static final Set<String> DEFAULT_ALGORITHMS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("ES256", "EdDSA", "PS256", "RS256")));

  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);

  public DpopSettings {
    Objects.requireNonNull(algorithms, "algorithms");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(skew, "skew");
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one DPoP algorithm must be allowed");
    }
    for (String alg : algorithms) {
      if (!SUPPORTED_ALGORITHMS.contains(alg)) {
        throw new IllegalArgumentException(
            "DPoP algorithm " + alg + " is not one of " + new TreeSet<>(SUPPORTED_ALGORITHMS));
      }
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("DPoP proof max age must be positive: " + maxAge);
    }
    algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
  }

  /** The defaults: {@link #DEFAULT_ALGORITHMS}, 60 s, 30 s skew, no nonce. */
  public static DpopSettings defaults() {
    return new DpopSettings(
        DEFAULT_ALGORITHMS, DEFAULT_MAX_AGE, ClockSkew.of(Duration.ofSeconds(30)), false);
  }

  public DpopSettings withNonceRequired(boolean required) {
    return new DpopSettings(algorithms, maxAge, skew, required);
  }

  public DpopSettings withAlgorithms(Set<String> allowed) {
    return new DpopSettings(allowed, maxAge, skew, nonceRequired);
  }

  public DpopSettings withMaxAge(Duration age) {
    return new DpopSettings(algorithms, age, skew, nonceRequired);
  }

  public DpopSettings withSkew(ClockSkew tolerance) {
    return new DpopSettings(algorithms, maxAge, tolerance, nonceRequired);
  }
}
