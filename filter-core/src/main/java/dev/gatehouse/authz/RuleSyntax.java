package dev.gatehouse.authz;

import dev.gatehouse.config.Values;
import dev.gatehouse.sender.DpopMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of rules: {@code METHODS PATTERN ACCESS [dpop=MODE]}, separated by spaces.
 *
 * <ul>
 *   <li>METHODS: {@code *} or a comma-separated list such as {@code GET,HEAD} (case-sensitive);
 *   <li>PATTERN: a servlet pattern, see {@link PathPattern};
 *   <li>ACCESS: {@code public} (or {@code permit}), {@code authenticated}, {@code deny}, {@code
 *       scopes=a,b} (all of them) or {@code any=a,b} (at least one);
 *   <li>MODE, for access that needs a token: {@code off} (Bearer only), {@code allowed} or {@code
 *       required} (DPoP-bound tokens only), instead of the filter's {@code gatehouse.dpop}.
 * </ul>
 *
 * Failures are {@link IllegalArgumentException}s whose message says what is wrong; the caller adds
 * where the line came from.
 */
final class RuleSyntax {

  static final String DPOP_OPTION = "dpop=";

  private static final Pattern WITH_DPOP =
      Pattern.compile("(.*?)\\s+" + DPOP_OPTION + "(\\S*)", Pattern.DOTALL);

  private RuleSyntax() {}

  static PathRule rule(String line) {
    String[] parts = line.strip().split("\\s+", 3);
    if (parts.length < 3 || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "expected METHODS PATTERN ACCESS, e.g. 'GET /orders/* scopes=read:orders'");
    }
    Matcher option = WITH_DPOP.matcher(parts[2].strip());
    if (!option.matches()) {
      return new PathRule(methods(parts[0]), PathPattern.parse(parts[1]), access(parts[2]));
    }
    Access access = access(option.group(1));
    if (!access.needsToken()) {
      throw new IllegalArgumentException(
          DPOP_OPTION + " applies only to rules that need a token, not to '" + access + "'");
    }
    return new PathRule(
        methods(parts[0]),
        PathPattern.parse(parts[1]),
        access.withDpop(DpopMode.named(option.group(2))));
  }

  static Set<String> methods(String text) {
    if (text.equals("*")) {
      return Set.of();
    }
    Set<String> methods = new LinkedHashSet<>();
    for (String method : text.split(",", -1)) {
      if (!method.matches("[A-Za-z][A-Za-z0-9_-]*")) {
        throw new IllegalArgumentException(
            "'" + text + "' is not '*' or a comma-separated list of HTTP methods");
      }
      if (!method.equals(method.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "HTTP methods are case-sensitive: write " + method.toUpperCase(Locale.ROOT));
      }
      methods.add(method);
    }
    return methods;
  }

  static Access access(String text) {
    String t = text.strip();
    switch (t) {
      case "public", "permit":
        return Access.publicAccess();
      case "authenticated":
        return Access.authenticated();
      case "deny":
        return Access.deny();
      default:
        break;
    }
    if (t.startsWith("scopes=")) {
      return Access.allScopes(scopes(t.substring("scopes=".length()), text));
    }
    if (t.startsWith("any=")) {
      return Access.anyScope(scopes(t.substring("any=".length()), text));
    }
    throw new IllegalArgumentException(
        "unknown access '" + t + "': expected public, authenticated, deny, scopes=a,b or any=a,b");
  }

  private static List<String> scopes(String list, String text) {
    List<String> scopes = Values.list(list);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("'" + text.strip() + "' names no scope");
    }
    return scopes;
  }
}
