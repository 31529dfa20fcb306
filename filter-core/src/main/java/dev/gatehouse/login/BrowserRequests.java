package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Tells a person's page navigation apart from a program's call, for the one decision it matters
 * for: a redirect to the login page is only ever the answer to a navigation.
 */
final class BrowserRequests {

  private BrowserRequests() {}

  /**
   * GET or HEAD, accepting {@code text/html}, not marked {@code X-Requested-With: XMLHttpRequest},
   * and, when the browser says so ({@code Sec-Fetch-Mode}), a navigation rather than a fetch.
   */
  static boolean isNavigation(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
      return false;
    }
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null && !mode.equalsIgnoreCase("navigate")) {
      return false;
    }
    Enumeration<String> accepts = request.getHeaders("Accept");
    if (accepts == null) {
      return false; // the container hides headers (Servlet 6.0): no sign of a person's navigation
    }
    for (String accept : Collections.list(accepts)) {
      if (accept.toLowerCase(Locale.ROOT).contains("text/html")) {
        return true;
      }
    }
    return false;
  }
}
