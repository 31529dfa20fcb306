package dev.gatehouse.internal.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;

/** Reads jose4j's error codes, never its messages, which may quote the token's claims. */
final class RejectionMapping {

  /** In priority order: when a token fails several checks, the first listed is reported. */
  private static final Map<Integer, Rejection> BY_CODE =
      Map.ofEntries(
          Map.entry(ErrorCodes.SIGNATURE_INVALID, Rejection.INVALID_SIGNATURE),
          Map.entry(ErrorCodes.SIGNATURE_MISSING, Rejection.UNSUPPORTED_ALGORITHM),
          Map.entry(ErrorCodes.JSON_INVALID, Rejection.MALFORMED_TOKEN),
          Map.entry(ErrorCodes.MALFORMED_CLAIM, Rejection.INVALID_CLAIMS),
          Map.entry(ErrorCodes.TYPE_INVALID, Rejection.UNSUPPORTED_TOKEN_TYPE),
          Map.entry(ErrorCodes.TYPE_MISSING, Rejection.UNSUPPORTED_TOKEN_TYPE),
          Map.entry(ErrorCodes.ISSUER_MISSING, Rejection.WRONG_ISSUER),
          Map.entry(ErrorCodes.ISSUER_INVALID, Rejection.WRONG_ISSUER),
          Map.entry(ErrorCodes.AUDIENCE_MISSING, Rejection.WRONG_AUDIENCE),
          Map.entry(ErrorCodes.AUDIENCE_INVALID, Rejection.WRONG_AUDIENCE),
          Map.entry(ErrorCodes.EXPIRATION_MISSING, Rejection.MISSING_EXPIRY),
          Map.entry(ErrorCodes.EXPIRED, Rejection.EXPIRED),
          Map.entry(ErrorCodes.NOT_YET_VALID, Rejection.NOT_YET_VALID),
          Map.entry(ErrorCodes.ISSUED_AT_INVALID_FUTURE, Rejection.ISSUED_IN_FUTURE));

  private static final List<Integer> PRIORITY =
      List.of(
          ErrorCodes.SIGNATURE_INVALID,
          ErrorCodes.SIGNATURE_MISSING,
          ErrorCodes.JSON_INVALID,
          ErrorCodes.MALFORMED_CLAIM,
          ErrorCodes.TYPE_INVALID,
          ErrorCodes.TYPE_MISSING,
          ErrorCodes.ISSUER_MISSING,
          ErrorCodes.ISSUER_INVALID,
          ErrorCodes.AUDIENCE_MISSING,
          ErrorCodes.AUDIENCE_INVALID,
          ErrorCodes.EXPIRATION_MISSING,
          ErrorCodes.EXPIRED,
          ErrorCodes.NOT_YET_VALID,
          ErrorCodes.ISSUED_AT_INVALID_FUTURE);

  private RejectionMapping() {}

  /**
   * Our own refusals and outages thrown from inside jose4j (the key resolver) come back out
   * unchanged; everything else becomes the rejection its error code names, or a malformed token.
   */
  static RuntimeException toException(InvalidJwtException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof BearerTokenException || t instanceof ProviderUnavailableException) {
        return (RuntimeException) t;
      }
      if (t instanceof InvalidAlgorithmException) {
        return new BearerTokenException(Rejection.UNSUPPORTED_ALGORITHM);
      }
    }
    return forErrors(e.getErrorDetails());
  }

  /** The rejection the highest-priority error names, or a malformed token when none is known. */
  static BearerTokenException forErrors(List<ErrorCodeValidator.Error> details) {
    for (int code : PRIORITY) {
      for (ErrorCodeValidator.Error detail : details) {
        if (detail.getErrorCode() == code) {
          return new BearerTokenException(Objects.requireNonNull(BY_CODE.get(code)));
        }
      }
    }
    return new BearerTokenException(Rejection.MALFORMED_TOKEN);
  }
}
