package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Absolute URLs of this application as browsers reach it, for the provider's redirects. */
final class Origins {

  private static final Logger LOG = LoggerFactory.getLogger(Origins.class);

  /** One WARN per class loader is enough to find the setting; the rest go to DEBUG. */
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private Origins() {}

  /**
   * {@code scheme://host[:port]} from the configuration, else from the request when its {@code
   * Host} is trusted ({@link TrustedHosts}).
   *
   * @throws LoginException {@code UNTRUSTED_HOST} when the request's {@code Host} is not trusted
   */
  static String origin(HttpServletRequest request, LoginConfig config) {
    if (config.publicBaseUrl().isPresent()) {
      URI base = config.publicBaseUrl().get();
      return base.getScheme() + "://" + base.getRawAuthority();
    }
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    String host = request.getServerName().toLowerCase(Locale.ROOT);
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    int port = request.getServerPort();
    if (!TrustedHosts.trusts(config.allowedHosts(), scheme, host, port)) {
      String advice =
          "gatehouse login: refused to build a redirect from an untrusted Host header; set "
              + ConfigKey.LOGIN_PUBLIC_BASE_URL.property()
              + " or "
              + ConfigKey.LOGIN_ALLOWED_HOSTS.property();
      if (WARNED.compareAndSet(false, true)) {
        LOG.warn(advice);
      } else {
        LOG.debug(advice);
      }
      throw new LoginException(LoginFailure.UNTRUSTED_HOST);
    }
    return scheme + "://" + host + (TrustedHosts.isDefaultPort(scheme, port) ? "" : ":" + port);
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
