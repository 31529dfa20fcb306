package dev.gatehouse.cdi;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenPrincipal;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletRequest;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The servlet request behind the active CDI request context, from which the injected token, caller
 * and claims are read.
 *
 * <p>Weld's servlet integration binds it by itself, when it starts the request context. Code that
 * activates a request context by other means (a test, {@code RequestContextController}) binds the
 * request with {@link #bind}.
 *
 * <p>The token is looked up at each use, not at binding: the request context starts before {@code
 * GatehouseFilter} has verified the token.
 */
@RequestScoped
public class CurrentRequest {

  private @Nullable ServletRequest request;

  /** For the container. */
  protected CurrentRequest() {}

  void started(@Observes @Initialized(RequestScoped.class) ServletRequest started) {
    bind(started);
  }

  /**
   * Makes {@code request} the one behind the active request context.
   *
   * @throws IllegalStateException when this context is already bound to another request: a token
   *     must never be read from the wrong request
   */
  public void bind(ServletRequest request) {
    Objects.requireNonNull(request, "request");
    if (this.request != null && this.request != request) {
      throw new IllegalStateException("This request context is bound to another request");
    }
    this.request = request;
  }

  /** The verified token; refuses with 401 when the request has none (fail closed). */
  AccessToken token() {
    return Optional.ofNullable(request)
        .flatMap(AccessToken::from)
        .orElseThrow(CurrentRequest::missingToken);
  }

  /** The principal the filter made for the verified token, as the container would return it. */
  Principal caller() {
    token();
    ServletRequest bound = request;
    Object principal = bound == null ? null : bound.getAttribute(AccessToken.PRINCIPAL_ATTRIBUTE);
    if (principal instanceof TokenPrincipal tokenPrincipal) {
      return tokenPrincipal;
    }
    throw missingToken();
  }

  private static BearerTokenException missingToken() {
    return new BearerTokenException(Rejection.MISSING_TOKEN);
  }
}
