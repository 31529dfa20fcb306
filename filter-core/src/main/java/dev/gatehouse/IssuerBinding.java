package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.KeyLocation;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gatehouse.issuer} (one issuer) and {@code gatehouse.issuers=a,b} with {@code
 * gatehouse.issuers.<name>.issuer}, {@code .audiences}, {@code .jwks-uri}, {@code .public-key} and
 * {@code .public-key-location} (several). Both may be used together; the single issuer comes first.
 */
final class IssuerBinding {

  private IssuerBinding() {}

  static GatehouseConfigBuilder start(Settings s) {
    Optional<String> single = s.value(ConfigKey.ISSUER);
    List<String> names = names(s);
    if (single.isEmpty() && names.isEmpty()) {
      throw new IllegalArgumentException(
          "gatehouse.issuer (env GATEHOUSE_ISSUER, or mp.jwt.verify.issuer): the"
              + " issuer is required, e.g. https://your-tenant.auth0.com/ (or gatehouse.issuers"
              + " to trust several)");
    }
    List<String> global = s.list(ConfigKey.AUDIENCES);
    List<TrustedIssuer> named = new ArrayList<>();
    for (String name : names) {
      named.add(named(s, name, global, single.isPresent()));
    }
    if (single.isPresent()) {
      GatehouseConfigBuilder b = GatehouseConfig.forIssuer(single.get());
      named.forEach(b::trustIssuer);
      return b;
    }
    return GatehouseConfig.forIssuers(
        named.get(0), named.subList(1, named.size()).toArray(TrustedIssuer[]::new));
  }

  /**
   * True when the global audiences belong to the first issuer, as with {@code gatehouse.issuer}.
   */
  static boolean globalAudiencesApply(Settings s) {
    return s.value(ConfigKey.ISSUER).isPresent();
  }

  private static List<String> names(Settings s) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : s.list(ConfigKey.ISSUERS)) {
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "gatehouse.issuers: '" + name + "' is not a name of letters, digits, '-' and '_'");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("gatehouse.issuers: '" + name + "' is listed twice");
      }
    }
    return List.copyOf(names);
  }

  private static TrustedIssuer named(
      Settings s, String name, List<String> globalAudiences, boolean inheritLater) {
    String prefix = ConfigKey.ISSUER_PREFIX + name + ".";
    String issuer =
        s.value(prefix + "issuer")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        prefix + "issuer: required for each name in gatehouse.issuers"));
    TrustedIssuer.Builder b = TrustedIssuer.named(name, issuer);
    List<String> audiences = s.value(prefix + "audiences").map(Values::list).orElse(List.of());
    if (!audiences.isEmpty()) {
      b.audiences(audiences);
    } else if (!globalAudiences.isEmpty()) {
      b.audiences(globalAudiences);
    } else if (!inheritLater) {
      throw new IllegalArgumentException(
          prefix
              + "audiences: at least one audience is required (or gatehouse.audiences for"
              + " every issuer)");
    }
    s.value(prefix + "jwks-uri").ifPresent(v -> b.jwksUri(Settings.uri(v, prefix + "jwks-uri")));
    s.value(prefix + "public-key").ifPresent(b::publicKey);
    s.value(prefix + "public-key-location")
        .ifPresent(
            v -> KeyLocation.read(v, prefix + "public-key-location", b::jwksUri, b::publicKey));
    return b.build();
  }
}
