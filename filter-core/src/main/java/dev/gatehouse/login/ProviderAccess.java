package dev.gatehouse.login;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.discovery.IssuerProvider;
import dev.gatehouse.internal.discovery.ProviderDiscovery;
import dev.gatehouse.internal.discovery.ProviderMetadata;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider as the login sees it: the endpoints from its discovery document and the verifier of
 * its ID tokens. Both come from the bearer filter's {@link IssuerProvider} of the login's issuer,
 * so the document is read once and ID tokens are verified with the very keys access tokens are.
 * Nothing is fetched before the first login; outages become {@code PROVIDER_UNAVAILABLE} with the
 * discovery cooldown as {@code Retry-After}.
 */
final class ProviderAccess {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderAccess.class);

  private final IssuerProvider provider;
  private final ProviderDiscovery discovery;
  private final IdTokenVerifier idTokens;
  private final Duration retryAfter;

  /**
   * @param provider the bearer filter's provider of the login's issuer
   * @param retryAfter told to the browser when the provider cannot be asked (the key refresh
   *     cooldown)
   * @param idTokens the verifier of this provider's ID tokens, with its keys
   */
  ProviderAccess(IssuerProvider provider, Duration retryAfter, IdTokenVerifier idTokens) {
    this.provider = provider;
    this.discovery = provider.discovery();
    this.retryAfter = retryAfter;
    this.idTokens = idTokens;
  }

  URI authorizationEndpoint() {
    return required(ProviderMetadata::authorizationEndpoint, "authorization_endpoint");
  }

  URI tokenEndpoint() {
    return required(ProviderMetadata::tokenEndpoint, "token_endpoint");
  }

  /** Empty when the provider has none; the logout is then local only. */
  Optional<URI> endSessionEndpoint() {
    return metadata().endSessionEndpoint();
  }

  IdTokenVerifier idTokens() {
    return idTokens;
  }

  private URI required(Function<ProviderMetadata, Optional<URI>> endpoint, String name) {
    return endpoint
        .apply(metadata())
        .orElseThrow(
            () -> {
              LOG.warn(
                  "gatehouse login provider_unavailable: the discovery document of {} has"
                      + " no acceptable {}",
                  provider.issuer(),
                  name);
              return new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, retryAfter);
            });
  }

  private ProviderMetadata metadata() {
    try {
      return discovery.metadata();
    } catch (ProviderUnavailableException e) {
      throw new LoginException(LoginFailure.PROVIDER_UNAVAILABLE, e.retryAfter());
    }
  }
}
