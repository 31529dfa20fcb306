package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of the request's session, renewed with the refresh token when it is about to
 * expire. Without a refresh token, or when the provider no longer accepts it, the session's login
 * ends and the user logs in again.
 */
final class SessionTokens {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

  private final LoginConfig config;
  private final ProviderAccess provider;
  private final TokenEndpointClient tokens;
  private final Clock clock;
  private final SessionLocks locks;

  SessionTokens(
      LoginConfig config,
      ProviderAccess provider,
      TokenEndpointClient tokens,
      Clock clock,
      SessionLocks locks) {
    this.config = config;
    this.provider = provider;
    this.tokens = tokens;
    this.clock = clock;
    this.locks = locks;
  }

  /**
   * @throws LoginException {@code PROVIDER_UNAVAILABLE} when a due renewal cannot reach the
   *     provider; the session keeps its tokens for the next try
   */
  Optional<String> accessToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    try {
      LoginSession current = current(session);
      if (current == null) {
        return Optional.empty();
      }
      if (!current.needsRenewal(clock.instant(), config.refreshAhead())) {
        return Optional.of(current.accessToken());
      }
      synchronized (locks.of(session)) {
        return renew(session);
      }
    } catch (IllegalStateException e) {
      return Optional.empty(); // invalidated by a concurrent logout
    }
  }

  /** Whether the request's session holds a login, without renewing anything. */
  boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    try {
      return session != null && current(session) != null;
    } catch (IllegalStateException e) {
      return false; // invalidated by a concurrent logout
    }
  }

  /** Remembers, once per login, that the API admitted its token. */
  void admitted(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    try {
      LoginSession seen = session == null ? null : current(session);
      if (seen == null || seen.admitted()) {
        return;
      }
      synchronized (locks.of(session)) {
        LoginSession current = current(session);
        if (current != null && !current.admitted()) {
          session.setAttribute(LoginSession.ATTRIBUTE, current.asAdmitted());
        }
      }
    } catch (IllegalStateException e) {
      // invalidated by a concurrent logout: nothing to remember
    }
  }

  /** Whether the session's login has had its token admitted by the API since it began. */
  boolean everAdmitted(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    try {
      LoginSession current = session == null ? null : current(session);
      return current == null || current.admitted();
    } catch (IllegalStateException e) {
      return true; // invalidated by a concurrent logout: not a fresh login
    }
  }

  /** Ends the session's login, keeping the session itself: its tokens were refused. */
  void forget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.removeAttribute(LoginSession.ATTRIBUTE);
      } catch (IllegalStateException e) {
        // already invalidated
      }
    }
  }

  private Optional<String> renew(HttpSession session) {
    LoginSession current = current(session);
    Instant now = clock.instant();
    if (current == null) {
      return Optional.empty();
    }
    if (!current.needsRenewal(now, config.refreshAhead())) {
      return Optional.of(current.accessToken()); // another request renewed it meanwhile
    }
    if (current.refreshToken() == null) {
      LOG.debug("gatehouse login expired: no refresh token, a new login is needed");
      session.removeAttribute(LoginSession.ATTRIBUTE);
      return Optional.empty();
    }
    TokenResponse answer;
    try {
      answer = tokens.refresh(provider.tokenEndpoint(), current.refreshToken());
      answer.idToken().ifPresent(id -> provider.idTokens().verifyRenewed(id, current.subject()));
    } catch (LoginException e) {
      if (e.failure() == LoginFailure.PROVIDER_UNAVAILABLE) {
        throw e;
      }
      LOG.debug(
          "gatehouse login renewal refused ({}): a new login is needed", e.failure().reasonCode());
      session.removeAttribute(LoginSession.ATTRIBUTE);
      return Optional.empty();
    }
    LoginSession renewed =
        new LoginSession(
            current.subject(),
            answer.accessToken(),
            answer.refreshToken().orElse(current.refreshToken()),
            answer.idToken().orElse(current.idToken()),
            Expiry.of(answer, now),
            current.admitted());
    session.setAttribute(LoginSession.ATTRIBUTE, renewed);
    LOG.debug("gatehouse login renewed");
    return Optional.of(renewed.accessToken());
  }

  private static @Nullable LoginSession current(HttpSession session) {
    return session.getAttribute(LoginSession.ATTRIBUTE) instanceof LoginSession s ? s : null;
  }
}
