package dev.gatehouse;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/** The request's URI as the client addressed it, which a DPoP proof's {@code htu} names. */
final class TargetUris {

  private TargetUris() {}

  /**
   * With a public base URL, that origin followed by the request's path as sent (still encoded);
   * otherwise the URL the container rebuilt from the request line and {@code Host}. The query is
   * left out: the comparison ignores it.
   */
  static String of(HttpServletRequest request, Optional<URI> publicBaseUrl) {
    if (publicBaseUrl.isPresent()) {
      URI base = publicBaseUrl.get();
      return base.getScheme() + "://" + base.getRawAuthority() + request.getRequestURI();
    }
    return request.getRequestURL().toString();
  }
}
