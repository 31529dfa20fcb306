package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * Path patterns in the servlet style, matched against the request's path within the application as
 * the container decoded and normalised it: {@code /app} exactly, {@code /app/*} for {@code /app}
 * and everything below, {@code /*} for everything.
 */
final class LoginPaths {

  private final List<String> patterns;

  LoginPaths(Set<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * Where a user can start over: the first pattern as a path ({@code /app/*} gives {@code /app}).
   */
  String home() {
    String first = patterns.get(0);
    String path = first.endsWith("/*") ? first.substring(0, first.length() - 2) : first;
    return path.isEmpty() ? "/" : path;
  }

  /** The path the container mapped: servlet path plus path info, never null. */
  static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    String path = servletPath + pathInfo;
    return path.isEmpty() ? "/" : path;
  }

  boolean matches(String path) {
    for (String pattern : patterns) {
      if (pattern.endsWith("/*")) {
        String prefix = pattern.substring(0, pattern.length() - 2);
        if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
          return true;
        }
      } else if (pattern.equals(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @throws IllegalArgumentException naming the setting when {@code pattern} is not one of the
   *     supported forms
   */
  static void check(String pattern) {
    boolean valid =
        pattern != null
            && pattern.startsWith("/")
            && !pattern.startsWith("//")
            && pattern.indexOf('*') == (pattern.endsWith("/*") ? pattern.length() - 1 : -1)
            && !pattern.contains("?")
            && !pattern.contains("#");
    if (!valid) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_PATHS.property()
              + ": '"
              + pattern
              + "' must be /exact/path, /prefix/* or /*");
    }
  }
}
