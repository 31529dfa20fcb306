package dev.gatehouse.authz;

import java.util.Objects;
import java.util.Set;

/**
 * One line of the rule set: which methods and paths it covers, and the access they need.
 *
 * <p>A rule for {@code GET} also covers {@code HEAD}: {@code HttpServlet} answers {@code HEAD} by
 * running {@code doGet}, so a {@code HEAD} request must never need less than the {@code GET} it
 * stands for (its headers, such as {@code Content-Length}, tell about the resource).
 *
 * @param methods the HTTP methods covered, exactly as sent (case-sensitive); empty for all
 */
public record PathRule(Set<String> methods, PathPattern pattern, Access access) {

  public PathRule {
    methods = Set.copyOf(methods);
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(access, "access");
  }

  public boolean matches(String method, String path) {
    return covers(method) && pattern.matches(path);
  }

  boolean covers(String method) {
    return methods.isEmpty()
        || methods.contains(method)
        || ("HEAD".equals(method) && methods.contains("GET"));
  }

  /** In the configuration syntax, e.g. {@code GET,HEAD /orders/* scopes=read:orders}. */
  @Override
  public String toString() {
    return (methods.isEmpty() ? "*" : String.join(",", new java.util.TreeSet<>(methods)))
        + " "
        + pattern
        + " "
        + access;
  }
}
