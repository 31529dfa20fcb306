package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a browser to the provider's login page: an authorization request (RFC 6749 section 4.1.1,
 * OpenID Connect Core section 3.1.2.1) with a fresh {@code state}, {@code nonce} and PKCE {@code
 * S256} challenge, all three remembered in the session first, with the page asked for.
 */
final class LoginStart {

  private final LoginConfig config;
  private final ProviderAccess provider;
  private final Clock clock;
  private final SessionLocks locks;

  LoginStart(LoginConfig config, ProviderAccess provider, Clock clock, SessionLocks locks) {
    this.config = config;
    this.provider = provider;
    this.clock = clock;
    this.locks = locks;
  }

  void redirect(HttpServletRequest request, HttpServletResponse response) {
    String endpoint = provider.authorizationEndpoint().toString();
    Instant now = clock.instant();
    PendingLogin login =
        new PendingLogin(
            Pkce.randomValue(),
            Pkce.randomValue(),
            Pkce.randomValue(),
            Origins.redirectUri(request, config),
            ReturnTarget.of(request),
            now.plus(config.loginTimeout()));
    HttpSession session = request.getSession(true);
    synchronized (locks.of(session)) {
      PendingLogins pending =
          session.getAttribute(PendingLogins.ATTRIBUTE) instanceof PendingLogins p
              ? p
              : PendingLogins.none();
      session.setAttribute(
          PendingLogins.ATTRIBUTE, pending.with(login, now, LoginConfig.MAX_PENDING_LOGINS));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", config.clientId());
    parameters.put("redirect_uri", login.redirectUri());
    parameters.put("scope", String.join(" ", config.scopes()));
    parameters.put("state", login.state());
    parameters.put("nonce", login.nonce());
    parameters.put("code_challenge", Pkce.s256Challenge(login.codeVerifier()));
    parameters.put("code_challenge_method", "S256");
    // Providers choose the API differently: Auth0 by its own audience, others by RFC 8707.
    config.audience().ifPresent(a -> parameters.put("audience", a));
    LoginPages.redirect(
        response,
        HttpServletResponse.SC_FOUND,
        Query.append(
            java.net.URI.create(endpoint), parameters, Map.of("resource", config.resources())));
  }
}
