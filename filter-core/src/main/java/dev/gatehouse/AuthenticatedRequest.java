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

  AuthenticatedRequest(HttpServletRequest request, AccessToken token) {
    super(request);
    this.token = token;
    // A token without sub (rare; some client-credentials tokens) is named by its client.
    this.principal =
        new TokenPrincipal(token.subject().or(token::clientId).orElse(""), token);
    request.setAttribute(AccessToken.ATTRIBUTE, token);
    request.setAttribute(AccessToken.PRINCIPAL_ATTRIBUTE, principal);
    request.setAttribute(AccessToken.SCOPES_ATTRIBUTE, token.scopes());
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
