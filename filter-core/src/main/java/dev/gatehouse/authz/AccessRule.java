package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;

/** Decides whether a verified token may make this request. */
@FunctionalInterface
public interface AccessRule {

  /**
   * Returns normally to allow.
   *
   * @throws BearerTokenException to refuse, typically with {@code INSUFFICIENT_SCOPE}
   */
  void check(HttpServletRequest request, AccessToken token);
}
