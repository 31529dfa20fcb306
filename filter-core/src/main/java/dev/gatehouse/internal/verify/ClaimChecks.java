package dev.gatehouse.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Runs the claim validators ({@code iss}, {@code aud}, lifetime) on claims that did not come
 * through jose4j's {@code JwtConsumer}, exactly as its {@code validate} step runs them: every
 * validator, a malformed claim counted as such, any other failure as a miscellaneous error, and the
 * refusal chosen from all errors by {@link RejectionMapping}'s priority. The same validator objects
 * are registered with the consumer, so both paths apply one set of rules.
 */
final class ClaimChecks {

  private final List<ErrorCodeValidator> validators;

  ClaimChecks(List<ErrorCodeValidator> validators) {
    this.validators = List.copyOf(validators);
  }

  List<ErrorCodeValidator> validators() {
    return validators;
  }

  /**
   * @throws dev.gatehouse.error.BearerTokenException with the refusal the full path would give
   */
  void check(JwtClaims claims) {
    JwtContext context = new JwtContext(claims, List.of());
    List<ErrorCodeValidator.Error> errors = null;
    for (ErrorCodeValidator validator : validators) {
      ErrorCodeValidator.Error error;
      try {
        error = validator.validate(context);
      } catch (MalformedClaimException e) {
        error = new ErrorCodeValidator.Error(ErrorCodes.MALFORMED_CLAIM, "malformed claim");
      } catch (Exception e) {
        error = new ErrorCodeValidator.Error(ErrorCodes.MISCELLANEOUS, "validator failed");
      }
      if (error != null) {
        if (errors == null) {
          errors = new ArrayList<>(validators.size());
        }
        errors.add(error);
      }
    }
    if (errors != null) {
      throw RejectionMapping.forErrors(errors);
    }
  }
}
