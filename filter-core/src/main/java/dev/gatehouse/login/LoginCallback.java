package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code redirect_uri}: matches {@code state} to a login started in this session (once only,
 * within the login timeout), exchanges the code with the PKCE verifier, verifies the ID token with
 * the login's {@code nonce}, gives the session a new id (session fixation), keeps the tokens and
 * sends the user to the page they asked for.
 */
final class LoginCallback {

  private static final Logger LOG = LoggerFactory.getLogger(LoginCallback.class);

  private final ProviderAccess provider;
  private final TokenEndpointClient tokens;
  private final Clock clock;
  private final SessionLocks locks;

  LoginCallback(
      ProviderAccess provider, TokenEndpointClient tokens, Clock clock, SessionLocks locks) {
    this.provider = provider;
    this.tokens = tokens;
    this.clock = clock;
    this.locks = locks;
  }

  /**
   * @throws LoginException for every refusal; the session keeps no trace of the used state
   */
  void handle(HttpServletRequest request, HttpServletResponse response) {
    if (!"GET".equals(request.getMethod())) {
      throw new LoginException(LoginFailure.INVALID_CALLBACK);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      throw new LoginException(LoginFailure.LOGIN_EXPIRED);
    }
    Instant now = clock.instant();
    PendingLogin login = take(session, request.getParameter("state"), now);
    String error = request.getParameter("error");
    if (error != null) {
      LOG.debug(
          "gatehouse login login_denied error={}", error.matches("[a-z_]{1,64}") ? error : "-");
      throw new LoginException(LoginFailure.LOGIN_DENIED);
    }
    String code = request.getParameter("code");
    if (code == null || code.isEmpty()) {
      throw new LoginException(LoginFailure.INVALID_CALLBACK);
    }
    TokenResponse answer =
        tokens.exchangeCode(
            provider.tokenEndpoint(), code, login.codeVerifier(), login.redirectUri());
    String subject = provider.idTokens().verify(answer.idToken().orElseThrow(), login.nonce());
    request.changeSessionId();
    session.setAttribute(
        LoginSession.ATTRIBUTE,
        new LoginSession(
            subject,
            answer.accessToken(),
            answer.refreshToken().orElse(null),
            answer.idToken().orElseThrow(),
            Expiry.of(answer, clock.instant())));
    LOG.debug("gatehouse login succeeded");
    String target = ReturnTarget.sanitise(login.returnTo()).orElse(request.getContextPath() + "/");
    LoginPages.redirect(response, HttpServletResponse.SC_FOUND, target);
  }

  private PendingLogin take(HttpSession session, @Nullable String state, Instant now) {
    PendingLogins.Taken taken;
    synchronized (locks.of(session)) {
      if (!(session.getAttribute(PendingLogins.ATTRIBUTE) instanceof PendingLogins pending)) {
        throw new LoginException(LoginFailure.LOGIN_EXPIRED);
      }
      taken = pending.take(state == null ? "" : state, now);
      if (taken.rest().isEmpty()) {
        session.removeAttribute(PendingLogins.ATTRIBUTE);
      } else {
        session.setAttribute(PendingLogins.ATTRIBUTE, taken.rest());
      }
    }
    PendingLogin login =
        taken.login().orElseThrow(() -> new LoginException(LoginFailure.STATE_MISMATCH));
    if (login.isExpired(now)) {
      throw new LoginException(LoginFailure.LOGIN_EXPIRED);
    }
    return login;
  }
}
