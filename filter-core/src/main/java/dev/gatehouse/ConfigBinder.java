package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.internal.config.KeyLocation;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.metrics.MetricsSettings;
import dev.gatehouse.verify.TokenCachePolicy;

/**
 * The only place where setting strings become a {@link GatehouseConfig}. Issuers, access settings
 * and introspection are bound by their own small classes in this package.
 */
public final class ConfigBinder {

  private final Settings s;

  public ConfigBinder(PropertyLookup lookup) {
    this.s = new Settings(lookup);
  }

  /**
   * @throws IllegalArgumentException naming the property that is missing or invalid
   */
  public GatehouseConfig bind() {
    GatehouseConfigBuilder b = IssuerBinding.start(s);
    if (IssuerBinding.globalAudiencesApply(s)) {
      s.set(ConfigKey.AUDIENCES, v -> b.audiences(Values.list(v)));
    }
    s.set(ConfigKey.JWKS_URI, v -> b.jwksUri(Settings.uri(v, s.name(ConfigKey.JWKS_URI))));
    s.set(ConfigKey.PUBLIC_KEY, b::publicKey);
    s.set(
        ConfigKey.PUBLIC_KEY_LOCATION,
        v -> KeyLocation.read(v, s.name(ConfigKey.PUBLIC_KEY_LOCATION), b::jwksUri, b::publicKey));
    s.set(ConfigKey.ALGORITHMS, v -> b.algorithms(Values.list(v)));
    s.set(ConfigKey.CLOCK_SKEW, v -> b.clockSkew(duration(v, ConfigKey.CLOCK_SKEW)));
    s.set(ConfigKey.REQUIRED_SCOPES, v -> b.requiredScopes(Values.list(v)));
    s.set(ConfigKey.SCOPE_CLAIMS, v -> b.scopeClaims(Values.list(v)));
    s.set(ConfigKey.PRINCIPAL_CLAIM, b::principalClaim);
    s.set(ConfigKey.REALM, b::realm);
    s.flag(ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP, b::allowInsecureLoopbackHttp);
    b.tokens(
        t -> {
          s.flag(ConfigKey.ALLOW_QUERY_TOKEN, t::allowQueryParameter);
          s.flag(ConfigKey.ALLOW_FORM_TOKEN, t::allowFormParameter);
          s.set(
              ConfigKey.MAX_TOKEN_LENGTH, v -> t.maxLength(integer(v, ConfigKey.MAX_TOKEN_LENGTH)));
        });
    b.http(
        h -> {
          s.set(
              ConfigKey.CONNECT_TIMEOUT,
              v -> h.connectTimeout(duration(v, ConfigKey.CONNECT_TIMEOUT)));
          s.set(ConfigKey.READ_TIMEOUT, v -> h.readTimeout(duration(v, ConfigKey.READ_TIMEOUT)));
          s.set(ConfigKey.HTTP_DEADLINE, v -> h.deadline(duration(v, ConfigKey.HTTP_DEADLINE)));
          s.set(
              ConfigKey.MAX_RESPONSE_BYTES,
              v -> h.maxResponseBytes(integer(v, ConfigKey.MAX_RESPONSE_BYTES)));
        });
    b.keys(
        k -> {
          s.set(
              ConfigKey.KEY_CACHE_DURATION,
              v -> k.cacheDuration(duration(v, ConfigKey.KEY_CACHE_DURATION)));
          s.set(
              ConfigKey.KEY_REFRESH_COOLDOWN,
              v -> k.refreshCooldown(duration(v, ConfigKey.KEY_REFRESH_COOLDOWN)));
          s.set(ConfigKey.KEY_RETENTION, v -> k.retention(duration(v, ConfigKey.KEY_RETENTION)));
          s.set(
              ConfigKey.UNKNOWN_KID_FETCHES,
              v -> k.unknownKidFetchesPerMinute(integer(v, ConfigKey.UNKNOWN_KID_FETCHES)));
        });
    int cacheEntries =
        s.value(ConfigKey.TOKEN_CACHE_MAX_ENTRIES)
            .map(v -> integer(v, ConfigKey.TOKEN_CACHE_MAX_ENTRIES))
            .orElse(TokenCachePolicy.DEFAULTS.maxEntries());
    long cacheBytes =
        s.value(ConfigKey.TOKEN_CACHE_MAX_BYTES)
            .map(v -> (long) integer(v, ConfigKey.TOKEN_CACHE_MAX_BYTES))
            .orElse(TokenCachePolicy.DEFAULTS.maxBytes());
    b.tokenCache(cacheEntries, cacheBytes);
    AccessBinding.apply(s, b);
    IntrospectionBinding.apply(s, b);
    DpopBinding.apply(s, b);
    StoreBinding.apply(s, b);
    DecryptionBinding.apply(s, b);
    b.metrics(metrics());
    b.protectedResource(
        r -> {
          s.set(ConfigKey.RESOURCE, v -> r.resource(Settings.uri(v, s.name(ConfigKey.RESOURCE))));
          certificateHeader(r);
        });
    return b.build();
  }

  /** The header and the proxies that set it come together, or not at all. */
  private void certificateHeader(ProtectedResource.Builder r) {
    var header = s.value(ConfigKey.MTLS_CERTIFICATE_HEADER);
    var proxies = s.list(ConfigKey.MTLS_TRUSTED_PROXIES);
    if (header.isPresent()) {
      r.clientCertificateHeader(header.get(), proxies);
    } else if (!proxies.isEmpty()) {
      throw new IllegalArgumentException(
          ConfigKey.MTLS_TRUSTED_PROXIES.property()
              + ": set only with "
              + ConfigKey.MTLS_CERTIFICATE_HEADER.property());
    }
  }

  /** Both exports are on unless switched off. */
  private MetricsSettings metrics() {
    MetricsSettings metrics = MetricsSettings.defaults();
    if (!enabled(ConfigKey.METRICS_JMX)) {
      metrics = metrics.withoutJmx();
    }
    if (!enabled(ConfigKey.METRICS_MICROMETER)) {
      metrics = metrics.withoutMicrometer();
    }
    return metrics;
  }

  private boolean enabled(ConfigKey key) {
    return s.bool(key).orElse(true);
  }

  private java.time.Duration duration(String value, ConfigKey key) {
    return Values.duration(value, s.name(key));
  }

  private int integer(String value, ConfigKey key) {
    return Values.integer(value, s.name(key));
  }
}
