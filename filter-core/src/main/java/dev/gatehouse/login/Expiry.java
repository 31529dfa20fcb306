package dev.gatehouse.login;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * When the session's access token is due for renewal: {@code expires_in} of the token response, or
 * else the token's own {@code exp}, read without verification (the bearer filter verifies the token
 * on every request; this only schedules the renewal), or else {@value #FALLBACK_MINUTES} minutes.
 */
final class Expiry {

  static final long FALLBACK_MINUTES = 5;

  private Expiry() {}

  static Instant of(TokenResponse tokens, Instant now) {
    Optional<Instant> fromResponse = tokens.expiresIn().map(now::plus);
    Optional<Instant> fromToken = unverifiedExp(tokens.accessToken());
    if (fromResponse.isPresent() && fromToken.isPresent()) {
      return fromResponse.get().isBefore(fromToken.get()) ? fromResponse.get() : fromToken.get();
    }
    return fromResponse.or(() -> fromToken).orElse(now.plus(Duration.ofMinutes(FALLBACK_MINUTES)));
  }

  private static Optional<Instant> unverifiedExp(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Map<String, Object> claims =
          JsonUtil.parseJson(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return claims.get("exp") instanceof Number n
          ? Optional.of(Instant.ofEpochSecond(n.longValue()))
          : Optional.empty();
    } catch (IllegalArgumentException | JoseException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
