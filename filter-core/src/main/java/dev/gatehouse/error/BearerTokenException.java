package dev.gatehouse.error;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request's token was refused: the client must change something (400, 401 or 403).
 *
 * <p>Carries no message of its own and no stack trace; refusals are routine, not faults.
 */
public final class BearerTokenException extends RuntimeException {

  private final Rejection rejection;
  private final Set<String> requiredScopes;
  private final StepUpRequirement stepUp;
  private final @Nullable Challenge challenge;

  public BearerTokenException(Rejection rejection) {
    this(rejection, Set.of());
  }

  public BearerTokenException(Rejection rejection, Set<String> requiredScopes) {
    this(rejection, requiredScopes, StepUpRequirement.NONE, null);
  }

  /** A step-up refusal (RFC 9470), naming what the user's authentication must meet. */
  public BearerTokenException(Rejection rejection, StepUpRequirement stepUp) {
    this(rejection, Set.of(), stepUp, null);
  }

  private BearerTokenException(
      Rejection rejection,
      Set<String> requiredScopes,
      StepUpRequirement stepUp,
      @Nullable Challenge challenge) {
    super(rejection.reasonCode(), null, false, false);
    this.rejection = Objects.requireNonNull(rejection);
    this.requiredScopes = Set.copyOf(requiredScopes);
    this.stepUp = Objects.requireNonNull(stepUp, "stepUp");
    this.challenge = challenge;
  }

  /**
   * The same refusal, answered with these schemes; the step that knows which scheme the client used
   * (the pipeline) adds it to refusals made by steps that do not.
   */
  public BearerTokenException challenging(Challenge schemes) {
    return new BearerTokenException(
        rejection, requiredScopes, stepUp, Objects.requireNonNull(schemes));
  }

  /** The schemes to answer with; empty means the writer's default (Bearer). */
  public Optional<Challenge> challenge() {
    return Optional.ofNullable(challenge);
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
