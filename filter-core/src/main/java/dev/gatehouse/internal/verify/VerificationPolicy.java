package dev.gatehouse.internal.verify;

import dev.gatehouse.config.ConfigKey;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one issuer's signed tokens must be: the issuer compared exactly with {@code iss}, the
 * audiences of which {@code aud} must name one, the algorithms the application chose, and the
 * claims read as scopes. Time is not part of it: the verifier takes the clock and the skew beside
 * it.
 *
 * @param issuer compared exactly with the token's {@code iss}
 * @param audiences at least one of them must be in {@code aud}
 * @param algorithms the only JWS algorithms accepted, a non-empty subset of {@link #SUPPORTED}
 * @param scopeClaims claims whose values are merged into the token's scopes, in order; each a
 *     top-level name or a path into nested objects ({@link
 *     dev.gatehouse.internal.config.ClaimPath})
 */
public record VerificationPolicy(
    URI issuer, Set<String> audiences, Set<String> algorithms, List<String> scopeClaims) {

  /** Asymmetric algorithms only: HMAC and {@code none} are never accepted. */
  public static final Set<String> SUPPORTED =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

  public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256");

  public static final List<String> DEFAULT_SCOPE_CLAIMS = List.of("scope", "scp", "permissions");

  /**
   * @throws IllegalArgumentException when an algorithm is not supported or none is given, or a
   *     scope claim is not a claim path
   */
  public VerificationPolicy {
    Objects.requireNonNull(issuer, "issuer");
    audiences = Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
    algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
    scopeClaims = List.copyOf(scopeClaims);
    ScopeValues.claimPaths(scopeClaims); // refuses a name that is no path, naming the setting
    if (algorithms.isEmpty() || !SUPPORTED.containsAll(algorithms)) {
      throw new IllegalArgumentException(
          ConfigKey.ALGORITHMS.property()
              + ": "
              + algorithms
              + " must be a non-empty subset of "
              + SUPPORTED);
    }
  }
}
