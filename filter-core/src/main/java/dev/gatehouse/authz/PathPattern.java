package dev.gatehouse.authz;

import java.util.Objects;

/**
 * A servlet URL pattern (Jakarta Servlet 6.0 section 12.2), matched against the request's path
 * within the application as {@link RequestPaths#pathWithinApplication} reads it: {@code servletPath
 * + pathInfo}, decoded and normalised, without a trailing slash; never the raw request URI. A
 * trailing slash in a pattern is dropped the same way, so {@code /orders/open} and {@code
 * /orders/open/} are one pattern and both match both paths.
 *
 * <ul>
 *   <li>{@code /orders/open}: exactly that path;
 *   <li>{@code /orders/*}: {@code /orders} and everything below it, at any depth;
 *   <li>{@code *.pdf}: any path whose last segment has the extension {@code pdf};
 *   <li>{@code /} or {@code /*}: every path;
 *   <li>{@code ""}: the context root only.
 * </ul>
 */
public final class PathPattern {

  private enum Kind {
    EXACT,
    PREFIX,
    EXTENSION,
    EVERYTHING,
    CONTEXT_ROOT
  }

  private final Kind kind;
  private final String value;
  private final String text;

  private PathPattern(Kind kind, String value, String text) {
    this.kind = kind;
    this.value = value;
    this.text = text;
  }

  /**
   * @param pattern as written in the configuration; {@code ""} (two double quotes) or the empty
   *     string is the context root
   * @throws IllegalArgumentException saying why {@code pattern} is not a servlet pattern
   */
  public static PathPattern parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isEmpty() || pattern.equals("\"\"")) {
      return new PathPattern(Kind.CONTEXT_ROOT, "", "\"\"");
    }
    if (pattern.contains("**")) {
      throw new IllegalArgumentException(
          "'"
              + pattern
              + "' is not a servlet pattern: '/x/*' already matches every depth below /x");
    }
    if (pattern.equals("/") || pattern.equals("/*")) {
      return new PathPattern(Kind.EVERYTHING, "", pattern);
    }
    if (pattern.startsWith("*.")) {
      String extension = pattern.substring(2);
      if (extension.isEmpty()
          || extension.contains("/")
          || extension.contains("*")
          || extension.contains(".")) {
        throw new IllegalArgumentException(
            "'" + pattern + "' is not an extension pattern like *.pdf");
      }
      return new PathPattern(Kind.EXTENSION, extension, pattern);
    }
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException(
          "'" + pattern + "' is not a servlet pattern: use /exact, /prefix/*, *.ext or /");
    }
    if (pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1) {
      String prefix = normalised(pattern.substring(0, pattern.length() - 2), pattern);
      return prefix.equals("/")
          ? new PathPattern(Kind.EVERYTHING, "", pattern)
          : new PathPattern(Kind.PREFIX, prefix, pattern);
    }
    if (pattern.contains("*")) {
      throw new IllegalArgumentException(
          "'"
              + pattern
              + "' is not a servlet pattern: '*' may only end a prefix (/x/*) or start"
              + " an extension (*.ext)");
    }
    return new PathPattern(Kind.EXACT, normalised(pattern, pattern), pattern);
  }

  /**
   * The path part without its trailing slash. Empty and dot segments are refused: paths are
   * normalised before matching, so such a pattern could never match.
   */
  private static String normalised(String path, String pattern) {
    String resolved = RequestPaths.normalise(path);
    String expected =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!resolved.equals(expected)) {
      throw new IllegalArgumentException(
          "'"
              + pattern
              + "' is not a servlet pattern: paths are matched normalised, so write '"
              + resolved
              + (pattern.endsWith("/*") ? "/*" : "")
              + "'");
    }
    return resolved;
  }

  /**
   * @param path the path within the application, {@code servletPath + pathInfo}; empty for the
   *     context root
   */
  public boolean matches(String path) {
    return switch (kind) {
      case EVERYTHING -> true;
      case CONTEXT_ROOT -> path.isEmpty() || path.equals("/");
      case EXACT -> path.equals(value);
      case PREFIX ->
          path.startsWith(value)
              && (path.length() == value.length() || path.charAt(value.length()) == '/');
      case EXTENSION -> hasExtension(path, false);
    };
  }

  /**
   * Whether this pattern would match if case did not matter, as it does not to some routers and
   * file systems. Wider than {@link #matches}: every path that matches, matches here too.
   */
  public boolean matchesIgnoringCase(String path) {
    return switch (kind) {
      case EVERYTHING, CONTEXT_ROOT -> matches(path);
      case EXACT -> path.equalsIgnoreCase(value);
      case PREFIX ->
          path.regionMatches(true, 0, value, 0, value.length())
              && (path.length() == value.length() || path.charAt(value.length()) == '/');
      case EXTENSION -> hasExtension(path, true);
    };
  }

  private boolean hasExtension(String path, boolean ignoringCase) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String extension = last.substring(dot + 1);
    return ignoringCase ? extension.equalsIgnoreCase(value) : extension.equals(value);
  }

  /** As written. */
  @Override
  public String toString() {
    return text;
  }
}
