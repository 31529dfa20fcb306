package dev.gatehouse.config;

import dev.gatehouse.GatehouseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** The only place where setting strings become a {@link GatehouseConfig}. */
public final class ConfigBinder {

  private final PropertyLookup lookup;

  public ConfigBinder(PropertyLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * @throws IllegalArgumentException naming the property that is missing or invalid
   */
  public GatehouseConfig bind() {
    String issuer =
        value(ConfigKey.ISSUER)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "gatehouse.issuer (env GATEHOUSE_ISSUER, or mp.jwt.verify.issuer): the"
                            + " issuer is required, e.g. https://your-tenant.auth0.com/"));
    GatehouseConfig.Builder b = GatehouseConfig.forIssuer(issuer);
    set(ConfigKey.AUDIENCES, v -> b.audiences(Values.list(v)));
    set(ConfigKey.JWKS_URI, v -> b.jwksUri(uri(v, ConfigKey.JWKS_URI)));
    set(ConfigKey.PUBLIC_KEY, b::publicKey);
    set(ConfigKey.PUBLIC_KEY_LOCATION, v -> publicKeyLocation(v, b));
    set(ConfigKey.ALGORITHMS, v -> b.algorithms(Values.list(v)));
    set(ConfigKey.CLOCK_SKEW, v -> b.clockSkew(Values.duration(v, name(ConfigKey.CLOCK_SKEW))));
    set(ConfigKey.REQUIRED_SCOPES, v -> b.requiredScopes(Values.list(v)));
    set(ConfigKey.SCOPE_CLAIMS, v -> b.scopeClaims(Values.list(v)));
    set(ConfigKey.REALM, b::realm);
    flag(ConfigKey.ALLOW_QUERY_TOKEN, b::allowQueryParameterTokens);
    flag(ConfigKey.ALLOW_FORM_TOKEN, b::allowFormParameterTokens);
    flag(ConfigKey.ALLOW_INSECURE_LOOPBACK_HTTP, b::allowInsecureLoopbackHttp);
    set(ConfigKey.MAX_TOKEN_LENGTH,
        v -> b.maxTokenLength(Values.integer(v, name(ConfigKey.MAX_TOKEN_LENGTH))));
    set(ConfigKey.CONNECT_TIMEOUT,
        v -> b.connectTimeout(Values.duration(v, name(ConfigKey.CONNECT_TIMEOUT))));
    set(ConfigKey.READ_TIMEOUT,
        v -> b.readTimeout(Values.duration(v, name(ConfigKey.READ_TIMEOUT))));
    set(ConfigKey.MAX_RESPONSE_BYTES,
        v -> b.maxResponseBytes(Values.integer(v, name(ConfigKey.MAX_RESPONSE_BYTES))));
    set(ConfigKey.KEY_CACHE_DURATION,
        v -> b.keyCacheDuration(Values.duration(v, name(ConfigKey.KEY_CACHE_DURATION))));
    set(ConfigKey.KEY_REFRESH_COOLDOWN,
        v -> b.keyRefreshCooldown(Values.duration(v, name(ConfigKey.KEY_REFRESH_COOLDOWN))));
    set(ConfigKey.KEY_RETENTION,
        v -> b.keyRetention(Values.duration(v, name(ConfigKey.KEY_RETENTION))));
    int cacheEntries =
        value(ConfigKey.TOKEN_CACHE_MAX_ENTRIES)
            .map(v -> Values.integer(v, name(ConfigKey.TOKEN_CACHE_MAX_ENTRIES)))
            .orElse(GatehouseConfig.DEFAULT_TOKEN_CACHE_MAX_ENTRIES);
    long cacheBytes =
        value(ConfigKey.TOKEN_CACHE_MAX_BYTES)
            .map(v -> (long) Values.integer(v, name(ConfigKey.TOKEN_CACHE_MAX_BYTES)))
            .orElse(GatehouseConfig.DEFAULT_TOKEN_CACHE_MAX_BYTES);
    b.tokenCache(cacheEntries, cacheBytes);
    return b.build();
  }

  private Optional<String> value(ConfigKey key) {
    for (String name : key.names()) {
      Optional<String> v = lookup.get(name).map(String::trim).filter(s -> !s.isEmpty());
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** The name under which the value was actually found, for error messages. */
  private String name(ConfigKey key) {
    for (String name : key.names()) {
      if (lookup.get(name).filter(s -> !s.isBlank()).isPresent()) {
        return name;
      }
    }
    return key.property();
  }

  private void set(ConfigKey key, Consumer<String> setter) {
    value(key).ifPresent(setter);
  }

  private void flag(ConfigKey key, Runnable enable) {
    value(key).filter(v -> Values.bool(v, name(key))).ifPresent(v -> enable.run());
  }

  private URI uri(String value, ConfigKey key) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name(key) + ": '" + value + "' is not a valid URL");
    }
  }

  /** An http(s) location is a JWKS URL; anything else is a file or classpath resource to read. */
  private void publicKeyLocation(String location, GatehouseConfig.Builder b) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      b.jwksUri(uri(location, ConfigKey.PUBLIC_KEY_LOCATION));
      return;
    }
    String property = name(ConfigKey.PUBLIC_KEY_LOCATION);
    try {
      if (lower.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
            (loader != null ? loader : ConfigBinder.class.getClassLoader())
                .getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException(property + ": no classpath resource " + resource);
          }
          b.publicKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return;
      }
      Path path = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      b.publicKey(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof IllegalArgumentException && e.getMessage().startsWith(property)) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(property + ": cannot read '" + location + "'");
    }
  }
}
