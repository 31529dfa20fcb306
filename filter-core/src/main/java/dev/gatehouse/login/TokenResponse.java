package dev.gatehouse.login;

import java.time.Duration;
import java.util.Optional;

/**
 * A successful token endpoint answer (RFC 6749 section 5.1, OpenID Connect Core section 3.1.3.3).
 *
 * @param expiresIn empty when the provider did not say
 */
record TokenResponse(
    String accessToken,
    Optional<String> idToken,
    Optional<String> refreshToken,
    Optional<Duration> expiresIn) {

  /** Never shows a token. */
  @Override
  public String toString() {
    return "TokenResponse[expiresIn="
        + expiresIn.orElse(null)
        + ", idToken="
        + idToken.isPresent()
        + ", refreshToken="
        + refreshToken.isPresent()
        + "]";
  }
}
