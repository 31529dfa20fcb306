package dev.gatehouse.internal.discovery;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What Gatehouse uses of a provider's OpenID Connect Discovery document: the issuer it names, its
 * {@code jwks_uri} (required), and the endpoints of a browser login, each present only when the
 * document names it with an acceptable scheme ({@code https}, or {@code http} on a loopback host
 * when that was allowed).
 */
public record ProviderMetadata(
    URI issuer,
    URI jwksUri,
    Optional<URI> authorizationEndpoint,
    Optional<URI> tokenEndpoint,
    Optional<URI> endSessionEndpoint) {

  public ProviderMetadata {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(endSessionEndpoint, "endSessionEndpoint");
  }
}
