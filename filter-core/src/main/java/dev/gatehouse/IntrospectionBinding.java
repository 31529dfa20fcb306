package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.ClientAuthentication;
import java.time.Duration;
import java.util.List;

/** {@code gatehouse.introspection.*}: RFC 7662 introspection of tokens that are not JWTs. */
final class IntrospectionBinding {

  private static final List<ConfigKey> OTHERS =
      List.of(
          ConfigKey.INTROSPECTION_CLIENT_ID,
          ConfigKey.INTROSPECTION_CLIENT_SECRET,
          ConfigKey.INTROSPECTION_CLIENT_AUTH,
          ConfigKey.INTROSPECTION_AUDIENCES,
          ConfigKey.INTROSPECTION_TIMEOUT,
          ConfigKey.INTROSPECTION_CACHE_DURATION,
          ConfigKey.INTROSPECTION_NEGATIVE_CACHE_DURATION,
          ConfigKey.INTROSPECTION_CACHE_MAX_ENTRIES,
          ConfigKey.INTROSPECTION_JWTS,
          ConfigKey.INTROSPECTION_JWT_CACHE_DURATION);

  private IntrospectionBinding() {}

  static void apply(Settings s, GatehouseConfigBuilder b) {
    if (s.value(ConfigKey.INTROSPECTION_ENDPOINT).isEmpty()) {
      for (ConfigKey key : OTHERS) {
        if (s.value(key).isPresent()) {
          throw new IllegalArgumentException(
              "gatehouse.introspection.endpoint: required when " + key.property() + " is set");
        }
      }
      return;
    }
    IntrospectionConfig.Builder i =
        IntrospectionConfig.forEndpoint(
            Settings.uri(
                s.value(ConfigKey.INTROSPECTION_ENDPOINT).get(),
                ConfigKey.INTROSPECTION_ENDPOINT.property()));
    i.clientCredentials(
        s.value(ConfigKey.INTROSPECTION_CLIENT_ID).orElse(null),
        s.lookup().get(ConfigKey.INTROSPECTION_CLIENT_SECRET.property()).orElse(null));
    s.set(
        ConfigKey.INTROSPECTION_CLIENT_AUTH,
        v ->
            i.clientAuthentication(
                ClientAuthentication.parse(v, ConfigKey.INTROSPECTION_CLIENT_AUTH.property())));
    i.audiences(s.list(ConfigKey.INTROSPECTION_AUDIENCES));
    s.set(
        ConfigKey.INTROSPECTION_TIMEOUT,
        v -> i.timeout(duration(v, ConfigKey.INTROSPECTION_TIMEOUT)));
    Duration active =
        s.value(ConfigKey.INTROSPECTION_CACHE_DURATION)
            .map(v -> duration(v, ConfigKey.INTROSPECTION_CACHE_DURATION))
            .orElse(IntrospectionConfig.DEFAULT_CACHE_DURATION);
    Duration inactive =
        s.value(ConfigKey.INTROSPECTION_NEGATIVE_CACHE_DURATION)
            .map(v -> duration(v, ConfigKey.INTROSPECTION_NEGATIVE_CACHE_DURATION))
            .orElse(IntrospectionConfig.DEFAULT_NEGATIVE_CACHE_DURATION);
    int entries =
        s.value(ConfigKey.INTROSPECTION_CACHE_MAX_ENTRIES)
            .map(v -> Values.integer(v, ConfigKey.INTROSPECTION_CACHE_MAX_ENTRIES.property()))
            .orElse(IntrospectionConfig.DEFAULT_CACHE_MAX_ENTRIES);
    i.cache(active, inactive, entries);
    jwts(s, i);
    b.introspection(i.build());
  }

  private static void jwts(Settings s, IntrospectionConfig.Builder i) {
    boolean on =
        s.value(ConfigKey.INTROSPECTION_JWTS)
            .map(v -> Values.bool(v, ConfigKey.INTROSPECTION_JWTS.property()))
            .orElse(false);
    var lifetime = s.value(ConfigKey.INTROSPECTION_JWT_CACHE_DURATION);
    if (on) {
      i.introspectJwts(
          lifetime
              .map(v -> duration(v, ConfigKey.INTROSPECTION_JWT_CACHE_DURATION))
              .orElse(IntrospectionConfig.DEFAULT_JWT_CACHE_DURATION));
    } else if (lifetime.isPresent()) {
      throw new IllegalArgumentException(
          ConfigKey.INTROSPECTION_JWT_CACHE_DURATION.property()
              + ": set only with "
              + ConfigKey.INTROSPECTION_JWTS.property()
              + "=true");
    }
  }

  private static Duration duration(String value, ConfigKey key) {
    return Values.duration(value, key.property());
  }
}
