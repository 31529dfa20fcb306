package dev.gatehouse;

import dev.gatehouse.discovery.KeySource;
import dev.gatehouse.discovery.RemoteKeySource;
import dev.gatehouse.discovery.StaticKeySource;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.introspection.IntrospectionVerifier;
import dev.gatehouse.metrics.MetricsRecorder;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.token.TokenSyntax;
import dev.gatehouse.verify.AccessTokenVerifier;
import dev.gatehouse.verify.CachingAccessTokenVerifier;
import dev.gatehouse.verify.IssuerRoutingVerifier;
import dev.gatehouse.verify.JwsVerifier;
import dev.gatehouse.verify.JwtAccessTokenVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds step 3 once per configuration: a verifier for each trusted issuer (with its own keys),
 * routed by {@code iss} when there are several, behind one verified-token cache (outermost, so a
 * hit is neither routed nor parsed), and introspection for tokens that are not JWTs when an
 * endpoint is configured.
 */
final class Verifiers {

  private static final long MIN_CACHE_BYTES = 64 * 1024;

  private Verifiers() {}

  static AccessTokenVerifier of(GatehouseConfig config, MetricsRecorder metrics) {
    AccessTokenVerifier jwt = jwt(config, metrics);
    if (config.introspection().isEmpty()) {
      return jwt;
    }
    IntrospectionConfig settings = config.introspection().get();
    AccessTokenVerifier opaque =
        new IntrospectionVerifier(
            settings,
            config.scopeClaims(),
            config.clock(),
            config.clockSkew(),
            OutboundLimits.of(config),
            metrics);
    return token -> TokenSyntax.isJwt(token) ? jwt.verify(token) : opaque.verify(token);
  }

  private static AccessTokenVerifier jwt(GatehouseConfig config, MetricsRecorder metrics) {
    List<TrustedIssuer> issuers = config.issuers();
    JwsVerifier verifier;
    if (issuers.size() == 1) {
      verifier = forIssuer(config, issuers.get(0), true, metrics);
    } else {
      Map<String, JwsVerifier> byIssuer = new LinkedHashMap<>();
      for (TrustedIssuer issuer : issuers) {
        byIssuer.put(
            issuer.issuer().toString(),
            forIssuer(config, issuer, issuer == issuers.get(0), metrics));
      }
      verifier = new IssuerRoutingVerifier(byIssuer);
    }
    if (config.tokenCacheMaxEntries() == 0) {
      return verifier;
    }
    return new CachingAccessTokenVerifier(
        verifier,
        config.clock(),
        config.clockSkew(),
        config.tokenCacheMaxEntries(),
        Math.max(MIN_CACHE_BYTES, config.tokenCacheMaxBytes()),
        metrics);
  }

  private static JwsVerifier forIssuer(
      GatehouseConfig config, TrustedIssuer issuer, boolean first, MetricsRecorder metrics) {
    GatehouseConfig only = config.forIssuerOnly(issuer);
    boolean named = !issuer.name().equals(issuer.issuer().toString());
    KeySource keys =
        issuer.publicKey().isPresent()
            ? StaticKeySource.parse(
                issuer.publicKey().get(),
                first && !named
                    ? "gatehouse.public-key (or public-key-location, mp.jwt.verify.publickey*)"
                    : issuer.property("public-key"))
            : RemoteKeySource.create(only, metrics);
    return new JwtAccessTokenVerifier(only, keys);
  }
}
