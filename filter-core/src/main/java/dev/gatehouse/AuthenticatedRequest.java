package dev.gatehouse;

import dev.gatehouse.token.AccessToken;
import dev.gatehouse.token.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** Answers the container security calls from the verified token; roles are the token's scopes. */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

  static final String AUTH_TYPE = "Bearer";

  private final AccessToken token;
  private final TokenPrincipal principal;

  /**
   * @param principal the caller, named by the configured principal claim, and its token
   */
  AuthenticatedRequest(HttpServletRequest request, TokenPrincipal principal) {
    super(request);
    this.token = principal.token();
    this.principal = principal;
    request.setAttribute(AccessToken.ATTRIBUTE, principal.token());
    request.setAttribute(AccessToken.PRINCIPAL_ATTRIBUTE, principal);
    request.setAttribute(AccessToken.SCOPES_ATTRIBUTE, principal.token().scopes());
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public String getRemoteUser() {
    return principal.getName();
  }

  @Override
  public boolean isUserInRole(String role) {
    return role != null && token.hasScope(role);
  }

  @Override
  public String getAuthType() {
    return AUTH_TYPE;
  }
}
