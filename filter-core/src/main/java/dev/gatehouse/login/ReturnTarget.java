package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where the user goes after logging in: the page they asked for, taken from their own request
 * before the redirect and kept in the session, never from the callback. Only a path on this origin
 * is accepted, so the login cannot be turned into an open redirect.
 */
final class ReturnTarget {

  static final int MAX_LENGTH = 2048;

  private ReturnTarget() {}

  /** The request's path and query, or the application's root when it is not a safe target. */
  static String of(HttpServletRequest request) {
    String query = request.getQueryString();
    String target = request.getRequestURI() + (query == null ? "" : "?" + query);
    String root = request.getContextPath() + "/";
    return sanitise(target).orElse(root);
  }

  /**
   * {@code value} when it is a same-origin absolute path: one leading {@code /}, not {@code //} or
   * {@code /\} (which browsers read as another host), no scheme, no control or space characters, no
   * backslash anywhere, not overlong.
   */
  static Optional<String> sanitise(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (value.charAt(0) != '/' || (value.length() > 1 && (value.charAt(1) == '/'))) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '\\' || c > 0x7e) {
        return Optional.empty(); // the request URI is sent encoded; anything raw is suspect
      }
    }
    return Optional.of(value);
  }
}
