package dev.gatehouse.internal.discovery;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers of one configuration, one per trusted issuer, in the order the issuers were
 * configured. Immutable; built once with the bearer filter's pipeline and read by the login.
 */
public final class Providers {

  private final Map<String, IssuerProvider> byIssuer;

  public Providers(List<IssuerProvider> providers) {
    Map<String, IssuerProvider> map = new LinkedHashMap<>();
    for (IssuerProvider p : providers) {
      if (map.put(p.issuer().toString(), p) != null) {
        throw new IllegalArgumentException("issuer " + p.issuer() + " given twice");
      }
    }
    this.byIssuer = Collections.unmodifiableMap(map);
  }

  /** The provider of {@code issuer}, compared exactly as {@code iss} is. */
  public Optional<IssuerProvider> of(URI issuer) {
    return Optional.ofNullable(byIssuer.get(issuer.toString()));
  }

  /** All of them, the first configured issuer first. */
  public List<IssuerProvider> all() {
    return List.copyOf(byIssuer.values());
  }
}
