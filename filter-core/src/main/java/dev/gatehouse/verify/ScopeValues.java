package dev.gatehouse.verify;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scope-like claim values the same way for JWTs and introspection responses; a value of the
 * wrong shape refuses the token instead of being skipped.
 */
public final class ScopeValues {

  /** Compiled once: this runs for every verified token. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private ScopeValues() {}

  /**
   * A space-separated string ({@code scope}, RFC 8693 section 4.2 and RFC 7662 section 2.2) or an
   * array of strings ({@code scp}, {@code permissions}).
   */
  public static void addScopes(Object value, Set<String> into) {
    if (value instanceof String s) {
      for (String scope : WHITESPACE.split(s.trim())) {
        if (!scope.isEmpty()) {
          into.add(scope);
        }
      }
    } else {
      addStrings(value, into);
    }
  }

  /** An array of strings; absent is empty. */
  public static void addStrings(Object value, Set<String> into) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Collection<?> values)) {
      throw new BearerTokenException(Rejection.INVALID_CLAIMS);
    }
    for (Object v : values) {
      if (!(v instanceof String s)) {
        throw new BearerTokenException(Rejection.INVALID_CLAIMS);
      }
      into.add(s);
    }
  }
}
