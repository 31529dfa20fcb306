package dev.gatehouse.login;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hardens the container's session cookie, which now stands for a login: {@code HttpOnly}, {@code
 * SameSite=Lax} (sent on the provider's redirect back, a top-level GET, but not on cross-site POSTs
 * or subresources), {@code Secure} always when configured (containers already mark it on https
 * requests), and cookies as the only session tracking mode, so that no session id appears in a URL.
 * Works while the application starts, which is when containers initialise filters; when the
 * container refuses, a warning says what to put in {@code web.xml} instead.
 */
final class SessionCookies {

  private static final Logger LOG = LoggerFactory.getLogger(SessionCookies.class);

  private SessionCookies() {}

  static void harden(@Nullable ServletContext context, LoginConfig config) {
    if (context == null) {
      return;
    }
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    try {
      cookie.setHttpOnly(true);
      if (cookie.getAttribute("SameSite") == null) {
        cookie.setAttribute("SameSite", "Lax");
      }
      if (config.alwaysSecureCookie()) {
        cookie.setSecure(true);
      }
      Set<SessionTrackingMode> modes = context.getEffectiveSessionTrackingModes();
      if (modes.contains(SessionTrackingMode.URL)) {
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
      }
    } catch (IllegalStateException | UnsupportedOperationException e) {
      LOG.warn(
          "gatehouse login: the container does not let the filter set the session cookie's"
              + " attributes now; set them in web.xml: <session-config><cookie-config>"
              + "<http-only>true</http-only>{}<attribute><attribute-name>SameSite</attribute-name>"
              + "<attribute-value>Lax</attribute-value></attribute></cookie-config>"
              + "<tracking-mode>COOKIE</tracking-mode></session-config>",
          config.alwaysSecureCookie() ? "<secure>true</secure>" : "");
    }
  }
}
