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
  private final @Nullable Challenge challenge;

  public BearerTokenException(Rejection rejection) {
    this(rejection, Set.of());
  }

  public BearerTokenException(Rejection rejection, Set<String> requiredScopes) {
    this(rejection, requiredScopes, null);
  }

  private BearerTokenException(
      Rejection rejection, Set<String> requiredScopes, @Nullable Challenge challenge) {
    super(rejection.reasonCode(), null, false, false);
    this.rejection = Objects.requireNonNull(rejection);
    this.requiredScopes = Set.copyOf(requiredScopes);
    this.challenge = challenge;
  }

  /**
   * The same refusal, answered with these schemes; the step that knows which scheme the client
   * used (the pipeline) adds it to refusals made by steps that do not.
   */
  public BearerTokenException challenging(Challenge schemes) {
    return new BearerTokenException(rejection, requiredScopes, Objects.requireNonNull(schemes));
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
}
