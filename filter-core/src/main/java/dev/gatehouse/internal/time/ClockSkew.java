package dev.gatehouse.internal.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one comparison of a token's dates with now, with the configured tolerance for clocks that
 * disagree. Whole seconds, as JWT dates are (RFC 7519 section 2, NumericDate): the tolerance is
 * truncated to seconds and so is now, so that a token is judged alike by every step that looks at
 * it (the verifier, the token cache, introspection, the login's ID token check).
 */
public final class ClockSkew {

  /** The tolerance unless the application chooses another: 30 seconds. */
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private final long seconds;

  private ClockSkew(long seconds) {
    this.seconds = seconds;
  }

  /**
   * @throws IllegalArgumentException when {@code tolerance} is negative
   */
  public static ClockSkew of(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative");
    }
    return new ClockSkew(tolerance.toSeconds());
  }

  /** RFC 7519 section 4.1.4: not accepted on or after {@code exp}, less the tolerance. */
  public boolean isExpired(Instant exp, Instant now) {
    return isExpired(exp.getEpochSecond(), now.getEpochSecond());
  }

  /** The same in epoch seconds, for a hot path that reads {@code Clock.millis()} to save a copy. */
  public boolean isExpired(long expEpochSecond, long nowEpochSecond) {
    return nowEpochSecond - seconds >= expEpochSecond;
  }

  /** RFC 7519 section 4.1.5: not accepted before {@code nbf}, less the tolerance. */
  public boolean isNotYetValid(Instant nbf, Instant now) {
    return now.getEpochSecond() + seconds < nbf.getEpochSecond();
  }

  /** An {@code iat} later than now plus the tolerance: the issuer's clock or the token is wrong. */
  public boolean isIssuedInFuture(Instant iat, Instant now) {
    return iat.getEpochSecond() > now.getEpochSecond() + seconds;
  }

  /** The tolerance in whole seconds. */
  public Duration tolerance() {
    return Duration.ofSeconds(seconds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClockSkew other && other.seconds == seconds;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seconds);
  }

  @Override
  public String toString() {
    return "ClockSkew[" + seconds + "s]";
  }
}
