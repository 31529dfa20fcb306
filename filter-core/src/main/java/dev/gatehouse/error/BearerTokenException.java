package dev.gatehouse.error;

import java.util.Objects;
import java.util.Set;

/**
 * The request's token was refused: the client must change something (400, 401 or 403).
 *
 * <p>Carries no message of its own and no stack trace; refusals are routine, not faults.
 */
public final class BearerTokenException extends RuntimeException {

  private final Rejection rejection;
  private final Set<String> requiredScopes;
  private final StepUpRequirement stepUp;

  public BearerTokenException(Rejection rejection) {
    this(rejection, Set.of());
  }

  public BearerTokenException(Rejection rejection, Set<String> requiredScopes) {
    this(rejection, requiredScopes, StepUpRequirement.NONE);
  }

  /** A step-up refusal (RFC 9470), naming what the user's authentication must meet. */
  public BearerTokenException(Rejection rejection, StepUpRequirement stepUp) {
    this(rejection, Set.of(), stepUp);
  }

  private BearerTokenException(
      Rejection rejection, Set<String> requiredScopes, StepUpRequirement stepUp) {
    super(rejection.reasonCode(), null, false, false);
    this.rejection = Objects.requireNonNull(rejection);
    this.requiredScopes = Set.copyOf(requiredScopes);
    this.stepUp = Objects.requireNonNull(stepUp, "stepUp");
  }

  public Rejection rejection() {
    return rejection;
  }

  /** For {@link Rejection#INSUFFICIENT_SCOPE}: the scopes the request needed. */
  public Set<String> requiredScopes() {
    return requiredScopes;
  }

  /** For a step-up refusal: the {@code acr} values and maximum age asked for; else nothing. */
  public StepUpRequirement stepUp() {
    return stepUp;
  }
}
