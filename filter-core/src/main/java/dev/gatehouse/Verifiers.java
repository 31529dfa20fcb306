package dev.gatehouse;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.decrypt.JweDecrypter;
import dev.gatehouse.internal.discovery.IssuerProvider;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.ProviderSettings;
import dev.gatehouse.internal.discovery.Providers;
import dev.gatehouse.internal.extract.TokenSyntax;
import dev.gatehouse.internal.introspection.IntrospectionVerifier;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.internal.verify.CachingAccessTokenVerifier;
import dev.gatehouse.internal.verify.DecryptingVerifier;
import dev.gatehouse.internal.verify.IssuerRoutingVerifier;
import dev.gatehouse.internal.verify.JwsVerifier;
import dev.gatehouse.internal.verify.JwtAccessTokenVerifier;
import dev.gatehouse.internal.verify.OneIssuerVerifier;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.verify.TokenCachePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds step 3 once per configuration: one provider (discovery and keys) per trusted issuer, a
 * verifier for each on that provider's keys, routed by {@code iss} when there are several, behind
 * one verified-token cache (outermost, so a hit is neither routed nor parsed) with the decryption
 * of encrypted tokens just inside it when keys are configured, and introspection for tokens that
 * are not JWTs when an endpoint is configured. The providers are built first and handed on, so the
 * login verifies ID tokens with the same keys and reads the same discovery document.
 */
final class Verifiers {

  private Verifiers() {}

  /** One provider per trusted issuer; nothing is fetched yet. */
  static Providers providers(GatehouseConfig config, MetricsRecorder metrics) {
    List<TrustedIssuer> issuers = config.issuers();
    List<IssuerProvider> providers = new ArrayList<>(issuers.size());
    for (TrustedIssuer issuer : issuers) {
      providers.add(
          IssuerProvider.create(
              new ProviderSettings(issuer.issuer(), issuer.jwksUri(), config.http(), config.keys()),
              config.clock(),
              config.staticKeys().get(issuer.issuer()),
              metrics));
    }
    return new Providers(providers);
  }

  /**
   * @param answers introspection answers shared with the other nodes, beside each node's own cache
   */
  static AccessTokenVerifier of(
      GatehouseConfig config,
      Providers providers,
      MetricsRecorder metrics,
      IntrospectionStore answers) {
    AccessTokenVerifier jwt = jwt(config, providers, metrics);
    boolean encrypted = config.decryption().isPresent();
    if (config.introspection().isEmpty()) {
      // With decryption the extractor passes any b64token on (acceptsOtherShapes): the shape is
      // judged here.
      return encrypted ? token -> jwt.verify(jwtOrJwe(token)) : jwt;
    }
    IntrospectionConfig settings = config.introspection().get();
    AccessTokenVerifier opaque =
        new IntrospectionVerifier(
            settings,
            config.scopeClaims(),
            config.clock(),
            config.clockSkew(),
            config.http(),
            metrics,
            answers);
    AccessTokenVerifier checkedJwt =
        settings
            .forJwts()
            .map(
                jwts -> {
                  // Outside the verified-token cache, and only after the JWT's own checks passed,
                  // so that a
                  // forged token never reaches the endpoint and a cached one is still asked about.
                  AccessTokenVerifier asked =
                      new IntrospectionVerifier(
                          jwts,
                          config.scopeClaims(),
                          config.clock(),
                          config.clockSkew(),
                          config.http(),
                          metrics,
                          answers);
                  return (AccessTokenVerifier)
                      token -> {
                        AccessToken verified = jwt.verify(token);
                        asked.verify(token);
                        return verified;
                      };
                })
            .orElse(jwt);
    return token -> isJwtOrJwe(token, encrypted) ? checkedJwt.verify(token) : opaque.verify(token);
  }

  /**
   * True when the extractor must pass on tokens that are not shaped as a JWS: to be introspected,
   * or to be decrypted.
   */
  static boolean acceptsOtherShapes(GatehouseConfig config) {
    return config.introspection().isPresent() || config.decryption().isPresent();
  }

  private static boolean isJwtOrJwe(String token, boolean encrypted) {
    return TokenSyntax.isJwt(token) || (encrypted && TokenSyntax.isCompactJwe(token));
  }

  /** The token, when it is shaped as a JWS or a JWE; else malformed, as the extractor would say. */
  private static String jwtOrJwe(String token) {
    if (!isJwtOrJwe(token, true)) {
      throw new BearerTokenException(Rejection.MALFORMED_TOKEN);
    }
    return token;
  }

  private static AccessTokenVerifier jwt(
      GatehouseConfig config, Providers providers, MetricsRecorder metrics) {
    List<TrustedIssuer> issuers = config.issuers();
    JwsVerifier verifier;
    if (issuers.size() == 1) {
      TrustedIssuer only = issuers.get(0);
      verifier =
          new OneIssuerVerifier(only.issuer().toString(), forIssuer(config, only, providers));
    } else {
      Map<String, JwsVerifier> byIssuer = new LinkedHashMap<>();
      for (TrustedIssuer issuer : issuers) {
        byIssuer.put(issuer.issuer().toString(), forIssuer(config, issuer, providers));
      }
      verifier = new IssuerRoutingVerifier(byIssuer);
    }
    if (config.decryption().isPresent()) {
      verifier = new DecryptingVerifier(new JweDecrypter(config.decryption().get()), verifier);
    }
    TokenCachePolicy cache = config.tokenCache();
    if (!cache.enabled()) {
      return verifier;
    }
    return new CachingAccessTokenVerifier(
        verifier,
        config.clock(),
        config.clockSkew(),
        cache.maxEntries(),
        cache.maxBytes(),
        metrics);
  }

  private static JwsVerifier forIssuer(
      GatehouseConfig config, TrustedIssuer issuer, Providers providers) {
    KeySource keys = providers.of(issuer.issuer()).orElseThrow().keys();
    VerificationPolicy policy =
        new VerificationPolicy(
            issuer.issuer(), issuer.audiences(), config.algorithms(), config.scopeClaims());
    return new JwtAccessTokenVerifier(policy, config.clock(), config.clockSkew(), keys);
  }
}
