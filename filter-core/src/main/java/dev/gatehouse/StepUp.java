package dev.gatehouse;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.error.StepUpRequirement;
import dev.gatehouse.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Step-up authentication (RFC 9470): a path rule may accept only certain {@code acr} values and
 * only an authentication ({@code auth_time}) no older than a maximum age. A token that does not say
 * is refused: what it does not claim cannot be assumed.
 */
final class StepUp {

  /** 9999-12-31T23:59:59Z: an {@code auth_time} beyond it is no date, and proves nothing. */
  private static final double LATEST_SECOND = 253_402_300_799.0;

  private final Clock clock;

  StepUp(Clock clock) {
    this.clock = clock;
  }

  /**
   * @throws BearerTokenException 401 {@code insufficient_user_authentication}, carrying the whole
   *     requirement so that the client can meet all of it with its next token
   */
  void check(AccessToken token, StepUpRequirement required) {
    if (required.isEmpty()) {
      return;
    }
    if (!required.acrValues().isEmpty()
        && !(token.claim("acr").orElse(null) instanceof String acr
            && required.acrValues().contains(acr))) {
      throw new BearerTokenException(Rejection.AUTHENTICATION_LEVEL_INSUFFICIENT, required);
    }
    Duration maxAge = required.maxAge();
    if (maxAge != null && !recentEnough(token, maxAge)) {
      throw new BearerTokenException(Rejection.AUTHENTICATION_TOO_OLD, required);
    }
  }

  /** No clock skew is granted here: a maximum age is the application's own, stricter limit. */
  private boolean recentEnough(AccessToken token, Duration maxAge) {
    if (!(token.claim("auth_time").orElse(null) instanceof Number n)) {
      return false;
    }
    double seconds = n.doubleValue();
    if (!Double.isFinite(seconds) || seconds < 0 || seconds > LATEST_SECOND) {
      return false;
    }
    Instant authenticated = Instant.ofEpochSecond((long) Math.floor(seconds));
    return !clock.instant().isAfter(authenticated.plus(maxAge));
  }
}
