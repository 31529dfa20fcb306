package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logout path: {@code POST} only, so that a link or an image on another site cannot sign the
 * user out, and from this application's own pages only ({@link CrossSiteRequests}). Ends the
 * container session, then sends the browser to the provider's {@code end_session_endpoint} (OpenID
 * Connect RP-Initiated Logout 1.0; Auth0's {@code /oidc/logout}) with {@code id_token_hint}, {@code
 * post_logout_redirect_uri} and {@code client_id}, or straight to the post-logout target when the
 * provider has no such endpoint or cannot be reached.
 */
final class Logout {

  private final LoginConfig config;
  private final ProviderAccess provider;

  Logout(LoginConfig config, ProviderAccess provider) {
    this.config = config;
    this.provider = provider;
  }

  void handle(HttpServletRequest request, HttpServletResponse response) {
    if (!"POST".equals(request.getMethod())) {
      throw new LoginException(LoginFailure.METHOD_NOT_ALLOWED);
    }
    // Both before the session ends: a refused logout leaves the user signed in.
    String postLogout = Origins.postLogout(request, config);
    CrossSiteRequests.requireSameOrigin(request, config);
    String idToken = null;
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        if (session.getAttribute(LoginSession.ATTRIBUTE) instanceof LoginSession s) {
          idToken = s.idToken();
        }
        session.invalidate();
      } catch (IllegalStateException e) {
        // already invalidated
      }
    }
    Optional<URI> endSession;
    try {
      endSession = provider.endSessionEndpoint();
    } catch (LoginException e) {
      endSession = Optional.empty(); // the local session has ended; that is what matters most
    }
    String location = postLogout;
    if (endSession.isPresent()) {
      Map<String, String> parameters = new LinkedHashMap<>();
      if (idToken != null) {
        parameters.put("id_token_hint", idToken);
      }
      parameters.put("post_logout_redirect_uri", postLogout);
      parameters.put("client_id", config.clientId());
      location = Query.append(endSession.get(), parameters);
    }
    LoginPages.redirect(response, HttpServletResponse.SC_SEE_OTHER, location);
  }
}
