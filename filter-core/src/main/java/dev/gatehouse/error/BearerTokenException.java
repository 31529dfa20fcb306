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

  public BearerTokenException(Rejection rejection) {
    this(rejection, Set.of());
  }

  public BearerTokenException(Rejection rejection, Set<String> requiredScopes) {
    super(rejection.reasonCode(), null, false, false);
    this.rejection = Objects.requireNonNull(rejection);
    this.requiredScopes = Set.copyOf(requiredScopes);
  }

  public Rejection rejection() {
    return rejection;
  }

  /** For {@link Rejection#INSUFFICIENT_SCOPE}: the scopes the request needed. */
  public Set<String> requiredScopes() {
    return requiredScopes;
  }
}
