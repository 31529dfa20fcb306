package dev.gatehouse.internal.verify;

import dev.gatehouse.internal.time.ClockSkew;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code exp} (required), {@code nbf} and {@code iat} against an injectable clock, each with the
 * same skew. Replaces jose4j's date validator, whose evaluation time is fixed when the consumer is
 * built.
 */
final class LifetimeValidator implements ErrorCodeValidator {

  /**
   * How far ahead of now any date in a token may lie. Issuers give access tokens minutes to days; a
   * date centuries away is a mistake or a token meant never to expire, and it is past what {@link
   * java.time.Instant} and duration arithmetic downstream can hold. Refused as malformed.
   */
  static final Duration LATEST_AHEAD = Duration.ofDays(100 * 365);

  private final Clock clock;
  private final ClockSkew skew;

  LifetimeValidator(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = ClockSkew.of(skew);
  }

  @Override
  public @Nullable Error validate(JwtContext context) throws MalformedClaimException {
    JwtClaims claims = context.getJwtClaims();
    Instant now = clock.instant();
    NumericDate exp = claims.getExpirationTime();
    if (exp == null) {
      return new Error(ErrorCodes.EXPIRATION_MISSING, "exp missing");
    }
    NumericDate nbf = claims.getNotBefore();
    NumericDate iat = claims.getIssuedAt();
    long latest = now.getEpochSecond() + LATEST_AHEAD.toSeconds();
    if (outOfRange(exp, latest) || outOfRange(nbf, latest) || outOfRange(iat, latest)) {
      return new Error(ErrorCodes.MALFORMED_CLAIM, "date out of range");
    }
    // In range, so each date is an Instant without overflow.
    if (skew.isExpired(instant(exp), now)) {
      return new Error(ErrorCodes.EXPIRED, "expired");
    }
    if (nbf != null && skew.isNotYetValid(instant(nbf), now)) {
      return new Error(ErrorCodes.NOT_YET_VALID, "not yet valid");
    }
    if (iat != null && skew.isIssuedInFuture(instant(iat), now)) {
      return new Error(ErrorCodes.ISSUED_AT_INVALID_FUTURE, "issued in the future");
    }
    return null;
  }

  private static Instant instant(NumericDate date) {
    return Instant.ofEpochSecond(date.getValue());
  }

  /**
   * Before 1970 or further ahead than {@link #LATEST_AHEAD}. jose4j truncates fractions and
   * saturates numbers beyond a long, so these bounds also catch {@code 1e300} and its negative.
   */
  private static boolean outOfRange(NumericDate date, long latest) {
    return date != null && (date.getValue() < 0 || date.getValue() > latest);
  }
}
