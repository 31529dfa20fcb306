package dev.gatehouse.internal.discovery;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.outbound.OutboundLimits;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What one issuer's discovery and key fetching need to know, and nothing else.
 *
 * @param issuer the issuer whose discovery document is read
 * @param jwksUri a JWKS location that replaces the one the discovery document names
 * @param http the bounds of every discovery and JWKS exchange
 * @param keys how fetched keys are kept and refreshed
 */
public record ProviderSettings(
    URI issuer, Optional<URI> jwksUri, OutboundLimits http, KeyPolicy keys) {

  public ProviderSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(keys, "keys");
  }
}
