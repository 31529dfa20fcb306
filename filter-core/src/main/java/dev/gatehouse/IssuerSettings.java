package dev.gatehouse;

import static dev.gatehouse.ConfigChecks.requireText;

import dev.gatehouse.config.ConfigKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trusted issuers as {@link ConfigBuilder} collects them: the first one, whose key source the
 * top-level settings name, the audiences every issuer without its own takes, and the others.
 */
final class IssuerSettings {

  private TrustedIssuer first;
  private final Set<String> audiences = new LinkedHashSet<>();
  private final List<TrustedIssuer> more = new ArrayList<>();

  IssuerSettings(TrustedIssuer first) {
    this.first = first;
  }

  void audiences(Iterable<String> values) {
    values.forEach(a -> audiences.add(requireText(a, ConfigKey.AUDIENCES.property())));
  }

  void jwksUri(URI jwksUri) {
    first = first.withJwksUri(jwksUri);
  }

  void publicKey(String pemOrJwks) {
    first = first.withPublicKey(requireText(pemOrJwks, ConfigKey.PUBLIC_KEY.property()));
  }

  void trust(TrustedIssuer issuer) {
    more.add(Objects.requireNonNull(issuer, "issuer"));
  }

  /** The first issuer's audiences and its single key source. */
  void checkFirst() {
    ConfigChecks.first(first, audiences);
  }

  /** Every issuer, the first one first, each reachable and none twice. */
  List<TrustedIssuer> checked(boolean loopback) {
    TrustedIssuer primary = first.withOnlyAudiences(audiences);
    return ConfigChecks.issuers(primary, more, audiences, loopback);
  }
}
