package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Every request needs all of a fixed set of scopes. */
public final class RequiredScopes implements AccessRule {

  private final Set<String> scopes;

  /** Refuses with 403 {@code insufficient_scope} naming {@code scopes} unless the token has all. */
  public static void require(AccessToken token, Set<String> scopes) {
    if (!token.scopes().containsAll(scopes)) {
      throw new BearerTokenException(Rejection.INSUFFICIENT_SCOPE, scopes);
    }
  }

  public RequiredScopes(Set<String> scopes) {
    this.scopes = Set.copyOf(scopes);
  }

  @Override
  public void check(HttpServletRequest request, AccessToken token) {
    require(token, scopes);
  }
}
