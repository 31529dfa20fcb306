package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.token.AccessToken;

/** Turns a syntax-checked token into a verified {@link AccessToken}. Thread-safe. */
@FunctionalInterface
public interface AccessTokenVerifier {

  /**
   * @throws BearerTokenException when the token is not acceptable: 401
   * @throws ProviderUnavailableException when it cannot be checked right now: 503
   */
  AccessToken verify(String token);
}
