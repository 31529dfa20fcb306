package dev.gatehouse.internal.verify;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.config.ClaimPath;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads scope-like claim values the same way for JWTs and introspection responses; a value of the
 * wrong shape refuses the token instead of being skipped.
 */
public final class ScopeValues {

  private ScopeValues() {}

  /**
   * The configured scope claims as paths.
   *
   * @throws IllegalArgumentException naming {@code gatehouse.scope-claims} for a name that is not a
   *     claim path
   */
  public static List<ClaimPath> claimPaths(List<String> names) {
    return ClaimPath.all(names, ConfigKey.SCOPE_CLAIMS.property());
  }

  /**
   * The values of every configured scope claim, in order: each may be a top-level name or a path
   * into nested objects, and its value is read as {@link #addScopes(Object, Set)} reads it.
   */
  public static void addScopes(List<ClaimPath> claims, Map<String, ?> all, Set<String> into) {
    for (ClaimPath claim : claims) {
      addScopes(claim.read(all), into);
    }
  }

  /**
   * A space-separated string ({@code scope}, RFC 8693 section 4.2 and RFC 7662 section 2.2) or an
   * array of strings ({@code scp}, {@code permissions}).
   */
  public static void addScopes(@Nullable Object value, Set<String> into) {
    if (value instanceof String s) {
      addSeparated(s, into);
    } else {
      addStrings(value, into);
    }
  }

  /**
   * What {@code s.trim().split("\\s+")} gives, without its empty words: split by hand, as the
   * regular expression cost more than the rest of the mapping. {@code trim} drops every control
   * character at the ends; {@code \s} is space, tab, line feed, vertical tab, form feed and
   * carriage return.
   */
  private static void addSeparated(String s, Set<String> into) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) <= ' ') {
      end--;
    }
    int from = 0;
    while (from < end && s.charAt(from) <= ' ') {
      from++;
    }
    int start = -1;
    for (int i = from; i <= end; i++) {
      boolean separator = i == end || isRegexWhitespace(s.charAt(i));
      if (separator && start >= 0) {
        into.add(s.substring(start, i));
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
  }

  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** An array of strings; absent is empty. */
  public static void addStrings(@Nullable Object value, Set<String> into) {
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
