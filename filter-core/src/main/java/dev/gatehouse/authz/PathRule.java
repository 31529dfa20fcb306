package dev.gatehouse.authz;

import java.util.Objects;
import java.util.Set;

/**
 * One line of the rule set: which methods and paths it covers, and the access they need.
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
    return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
  }

  /** In the configuration syntax, e.g. {@code GET,HEAD /orders/* scopes=read:orders}. */
  @Override
  public String toString() {
    return (methods.isEmpty() ? "*" : String.join(",", new java.util.TreeSet<>(methods)))
        + " " + pattern + " " + access;
  }
}
