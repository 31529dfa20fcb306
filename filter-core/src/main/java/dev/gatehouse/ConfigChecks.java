package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.outbound.IssuerNames;
import dev.gatehouse.introspection.IntrospectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks {@link GatehouseConfigBuilder#build()} makes across settings: the trusted issuers
 * (each reachable, none twice, static keys parsed now so a broken key fails at start-up) and the
 * few ranges that belong to no single step.
 */
final class ConfigChecks {

  private ConfigChecks() {}

  /** The first issuer's audiences and single key source. */
  static void first(TrustedIssuer first, Set<String> audiences) {
    String prefix = named(first) ? ConfigKey.ISSUER_PREFIX + first.name() + "." : "gatehouse.";
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException(
          (named(first)
                  ? prefix + "audiences (or gatehouse.audiences)"
                  : ConfigKey.AUDIENCES.property())
              + ": at least one audience is required, e.g. the Auth0 API identifier"
              + " (env GATEHOUSE_AUDIENCES, or mp.jwt.verify.audiences)");
    }
    if (first.jwksUri().isPresent() && first.publicKey().isPresent()) {
      throw new IllegalArgumentException(
          prefix + "jwks-uri and " + prefix + "public-key: configure one key source, not both");
    }
  }

  /** The clock skew's range, then the introspection endpoint's scheme, if there is one. */
  static void clockSkewAndIntrospection(
      Duration clockSkew, @Nullable IntrospectionConfig introspection, boolean loopback) {
    requireBetween(
        clockSkew, Duration.ZERO, Duration.ofMinutes(5), ConfigKey.CLOCK_SKEW.property());
    if (introspection != null) {
      IssuerNames.requireFetchable(
          introspection.endpoint(), loopback, ConfigKey.INTROSPECTION_ENDPOINT.property());
    }
  }

  /** One introspection endpoint answers for one authorization server's JWTs, not several. */
  static void jwtIntrospection(
      @Nullable IntrospectionConfig introspection, List<TrustedIssuer> trusted) {
    if (introspection != null
        && introspection.jwtCacheDuration().isPresent()
        && trusted.size() > 1) {
      throw new IllegalArgumentException(
          ConfigKey.INTROSPECTION_JWTS.property()
              + ": one introspection endpoint cannot answer for "
              + trusted.size()
              + " trusted issuers; trust one issuer, or leave JWTs to their own checks");
    }
  }

  /** The first issuer, then the others with the common audiences where they have none. */
  static List<TrustedIssuer> issuers(
      TrustedIssuer first, List<TrustedIssuer> more, Set<String> audiences, boolean loopback) {
    List<TrustedIssuer> all = new ArrayList<>();
    all.add(reachable(first, loopback, true));
    for (TrustedIssuer other : more) {
      TrustedIssuer t = other.withAudiences(audiences);
      for (TrustedIssuer before : all) {
        if (before.issuer().equals(t.issuer())) {
          throw new IllegalArgumentException(
              t.property("issuer") + ": '" + t.issuer() + "' is already trusted");
        }
      }
      all.add(reachable(t, loopback, false));
    }
    return List.copyOf(all);
  }

  /** Each issuer's static key, parsed; a key that holds no usable public key fails here. */
  static Map<URI, StaticKeySource> staticKeys(List<TrustedIssuer> issuers) {
    Map<URI, StaticKeySource> keys = new LinkedHashMap<>();
    for (TrustedIssuer t : issuers) {
      if (t.publicKey().isPresent()) {
        boolean first = t == issuers.get(0);
        keys.put(t.issuer(), StaticKeySource.parse(t.publicKey().get(), keyProperty(t, first)));
      }
    }
    return Map.copyOf(keys);
  }

  static void requireBetween(Duration d, Duration min, Duration max, String name) {
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + ": " + d + " is outside " + min + ".." + max);
    }
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + ": a value must not be blank");
    }
    return value.trim();
  }

  private static TrustedIssuer reachable(TrustedIssuer t, boolean loopback, boolean first) {
    if (t.jwksUri().isPresent()) {
      IssuerNames.requireFetchable(t.jwksUri().get(), loopback, property(t, first, "jwks-uri"));
    } else if (t.publicKey().isEmpty()) {
      IssuerNames.requireFetchable(t.issuer(), loopback, property(t, first, "issuer"));
    }
    return t;
  }

  private static String keyProperty(TrustedIssuer t, boolean first) {
    return first && !named(t)
        ? "gatehouse.public-key (or public-key-location, mp.jwt.verify.publickey*)"
        : t.property("public-key");
  }

  private static String property(TrustedIssuer t, boolean first, String suffix) {
    return first && !named(t) ? "gatehouse." + suffix : t.property(suffix);
  }

  private static boolean named(TrustedIssuer t) {
    return !t.name().equals(t.issuer().toString());
  }
}
