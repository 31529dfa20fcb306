package dev.gatehouse.demo;

import dev.gatehouse.AccessToken;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

/** A servlet mapped under {@code /api/*}, where {@code GatehouseFilter} runs first. */
abstract class ProtectedServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /**
   * The token the filter verified. Its absence means the servlet was mapped outside the filter;
   * refusing then is safer than serving the request anonymously.
   */
  static AccessToken token(HttpServletRequest request) {
    return AccessToken.from(request)
        .orElseThrow(() -> new BearerTokenException(Rejection.MISSING_TOKEN));
  }
}
