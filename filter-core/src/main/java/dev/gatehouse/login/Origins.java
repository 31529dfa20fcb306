package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/** Absolute URLs of this application as browsers reach it, for the provider's redirects. */
final class Origins {

  private Origins() {}

  /** {@code scheme://host[:port]} from the configuration, else from the request. */
  static String origin(HttpServletRequest request, LoginConfig config) {
    if (config.publicBaseUrl().isPresent()) {
      URI base = config.publicBaseUrl().get();
      return base.getScheme() + "://" + base.getRawAuthority();
    }
    String scheme = request.getScheme();
    String host = request.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    int port = request.getServerPort();
    boolean defaultPort =
        port <= 0
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** The callback URL, sent as {@code redirect_uri}. */
  static String redirectUri(HttpServletRequest request, LoginConfig config) {
    return origin(request, config) + request.getContextPath() + config.redirectPath();
  }

  /** The configured post-logout target, a path made absolute in this application. */
  static String postLogout(HttpServletRequest request, LoginConfig config) {
    String target = config.postLogoutRedirect().trim();
    return target.startsWith("/")
        ? origin(request, config) + request.getContextPath() + target
        : target;
  }
}
