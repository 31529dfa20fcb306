package dev.gatehouse.login;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A login step that cannot go on; answered with the failure's fixed page. Carries no message from
 * the provider or the request, so nothing attacker-chosen can reach a page or a log through it.
 */
final class LoginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient LoginFailure failure;
  private final transient @Nullable Duration retryAfter;

  LoginException(LoginFailure failure) {
    this(failure, null);
  }

  LoginException(LoginFailure failure, @Nullable Duration retryAfter) {
    super(failure.reasonCode(), null, false, false);
    this.failure = failure;
    this.retryAfter = retryAfter;
  }

  LoginFailure failure() {
    return failure;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
