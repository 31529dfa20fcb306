package dev.gatehouse.testing;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.ProviderSettings;
import dev.gatehouse.internal.verify.JwtAccessTokenVerifier;
import dev.gatehouse.internal.verify.VerificationPolicy;

/**
 * A step made the way the filter's wiring makes it, from the settings a test wrote as a
 * configuration: each step takes only its own value, and this picks it out.
 */
public final class Steps {

  private Steps() {}

  /** What the first issuer's verifier checks. */
  public static VerificationPolicy verification(GatehouseConfig config) {
    return new VerificationPolicy(
        config.issuer(), config.audiences(), config.algorithms(), config.scopeClaims());
  }

  /** What the first issuer's discovery and key fetching need. */
  public static ProviderSettings provider(GatehouseConfig config) {
    return new ProviderSettings(config.issuer(), config.jwksUri(), config.http(), config.keys());
  }

  /** The first issuer's verifier on {@code keys}, with the configuration's clock and skew. */
  public static JwtAccessTokenVerifier verifier(GatehouseConfig config, KeySource keys) {
    return new JwtAccessTokenVerifier(
        verification(config), config.clock(), config.clockSkew(), keys);
  }
}
