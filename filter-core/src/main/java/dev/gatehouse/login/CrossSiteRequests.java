package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Keeps other sites from changing state with the session cookie (CSRF). {@code SameSite=Lax}
 * already keeps the cookie off cross-site {@code POST}s in current browsers; this check does not
 * depend on the cookie's attributes or on the browser honouring them.
 *
 * <p>A state-changing request is let through only when the browser says it comes from this origin:
 * {@code Sec-Fetch-Site}, when sent, must be {@code same-origin}, and {@code Origin}, when sent,
 * must be this application's origin. Every browser released since 2020 sends at least one of them
 * on a {@code POST}; a request with neither (a very old browser, or a program replaying the cookie)
 * is refused too, since nothing shows where it came from. Programs use a bearer token, which no
 * browser attaches by itself, and are not checked.
 */
final class CrossSiteRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private CrossSiteRequests() {}

  /** Methods that may change state (RFC 9110 section 9.2.1: all but the safe ones). */
  static boolean changesState(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod());
  }

  /**
   * @throws LoginException {@code CROSS_SITE_REQUEST} unless the browser shows the request comes
   *     from this application's origin; {@code UNTRUSTED_HOST} when that origin would come from an
   *     untrusted {@code Host}
   */
  static void requireSameOrigin(HttpServletRequest request, LoginConfig config) {
    String site = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    if (site == null && origin == null) {
      throw new LoginException(LoginFailure.CROSS_SITE_REQUEST);
    }
    if (site != null && !site.trim().equalsIgnoreCase("same-origin")) {
      throw new LoginException(LoginFailure.CROSS_SITE_REQUEST);
    }
    if (origin != null && !sameOrigin(origin.trim(), Origins.origin(request, config))) {
      throw new LoginException(LoginFailure.CROSS_SITE_REQUEST);
    }
  }

  /** Scheme, host and port equal (RFC 6454), the default port written or not; "null" never. */
  static boolean sameOrigin(String sent, String ours) {
    try {
      URI a = new URI(sent);
      URI b = new URI(ours);
      return a.getScheme() != null
          && a.getHost() != null
          && a.getScheme().equalsIgnoreCase(b.getScheme())
          && a.getHost().equalsIgnoreCase(b.getHost())
          && port(a) == port(b)
          && (a.getRawPath() == null || a.getRawPath().isEmpty())
          && a.getRawQuery() == null
          && a.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
