package dev.gatehouse.verify;

import java.time.Clock;
import java.time.Duration;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * {@code exp} (required), {@code nbf} and {@code iat} against an injectable clock, each with the
 * same skew. Replaces jose4j's date validator, whose evaluation time is fixed when the consumer is
 * built.
 */
final class LifetimeValidator implements ErrorCodeValidator {

  private final Clock clock;
  private final long skewSeconds;

  LifetimeValidator(Clock clock, Duration skew) {
    this.clock = clock;
    this.skewSeconds = skew.toSeconds();
  }

  @Override
  public Error validate(JwtContext context) throws MalformedClaimException {
    JwtClaims claims = context.getJwtClaims();
    long now = clock.instant().getEpochSecond();
    NumericDate exp = claims.getExpirationTime();
    if (exp == null) {
      return new Error(ErrorCodes.EXPIRATION_MISSING, "exp missing");
    }
    // RFC 7519 section 4.1.4: not accepted on or after exp.
    if (now - skewSeconds >= exp.getValue()) {
      return new Error(ErrorCodes.EXPIRED, "expired");
    }
    NumericDate nbf = claims.getNotBefore();
    if (nbf != null && now + skewSeconds < nbf.getValue()) {
      return new Error(ErrorCodes.NOT_YET_VALID, "not yet valid");
    }
    NumericDate iat = claims.getIssuedAt();
    if (iat != null && iat.getValue() > now + skewSeconds) {
      return new Error(ErrorCodes.ISSUED_AT_INVALID_FUTURE, "issued in the future");
    }
    return null;
  }
}
