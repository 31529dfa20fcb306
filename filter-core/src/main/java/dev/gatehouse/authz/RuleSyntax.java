package dev.gatehouse.authz;

import dev.gatehouse.error.StepUpRequirement;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.sender.DpopMode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The text form of rules: {@code METHODS PATTERN ACCESS [acr=a,b] [max-age=5m] [dpop=MODE]
 * [nonce=on|off]}, separated by spaces.
 *
 * <ul>
 *   <li>METHODS: {@code *} or a comma-separated list such as {@code GET,HEAD} (case-sensitive);
 *   <li>PATTERN: a servlet pattern, see {@link PathPattern};
 *   <li>ACCESS: {@code public} (or {@code permit}), {@code authenticated}, {@code deny}, {@code
 *       scopes=a,b} (all of them) or {@code any=a,b} (at least one);
 *   <li>then, for an access that needs a token, step-up (RFC 9470): {@code acr=a,b} (the user's
 *       {@code acr} is one of these, in order of preference) and {@code max-age=5m} (the user
 *       authenticated at most that long ago), each at most once.
 *   <li>MODE, for access that needs a token: {@code off} (Bearer only), {@code allowed} or {@code
 *       required} (DPoP-bound tokens only), instead of the filter's {@code gatehouse.dpop}.
 *   <li>{@code nonce=on} or {@code nonce=off}, for access that needs a token: whether DPoP proofs
 *       on the path must carry a server nonce, instead of the filter's {@code
 *       gatehouse.dpop.nonce}.
 * </ul>
 *
 * Failures are {@link IllegalArgumentException}s whose message says what is wrong; the caller adds
 * where the line came from.
 */
final class RuleSyntax {

  static final String DPOP_OPTION = "dpop=";
  static final String NONCE_OPTION = "nonce=";

  private RuleSyntax() {}

  static PathRule rule(String line) {
    String[] parts = line.strip().split("\\s+", 3);
    if (parts.length < 3 || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "expected METHODS PATTERN ACCESS, e.g. 'GET /orders/* scopes=read:orders'");
    }
    // Options start at the first acr=, max-age=, dpop= or nonce=, so that "scopes=a, b" stays one.
    String[] words = parts[2].strip().split("\\s+(?=(?:acr|max-age|dpop|nonce)=)");
    Access access = access(words[0]);
    @Nullable List<String> acr = null;
    @Nullable Duration maxAge = null;
    @Nullable DpopMode dpop = null;
    @Nullable Boolean nonce = null;
    for (int i = 1; i < words.length; i++) {
      String word = words[i];
      if (word.startsWith("acr=") && acr == null) {
        acr = Values.list(word.substring("acr=".length()));
        if (acr.isEmpty()) {
          throw new IllegalArgumentException("'" + word + "' names no acr value");
        }
      } else if (word.startsWith("max-age=") && maxAge == null) {
        maxAge = Values.duration(word.substring("max-age=".length()).strip(), "max-age");
        if (maxAge.isNegative() || maxAge.toNanos() % 1_000_000_000L != 0) {
          throw new IllegalArgumentException("max-age must be whole seconds, 0 or more");
        }
      } else if (word.startsWith(DPOP_OPTION) && dpop == null) {
        if (!access.needsToken()) {
          throw new IllegalArgumentException(
              DPOP_OPTION + " applies only to rules that need a token, not to '" + access + "'");
        }
        dpop = DpopMode.named(word.substring(DPOP_OPTION.length()).strip());
      } else if (word.startsWith(NONCE_OPTION) && nonce == null) {
        if (!access.needsToken()) {
          throw new IllegalArgumentException(
              NONCE_OPTION + " applies only to rules that need a token, not to '" + access + "'");
        }
        nonce = onOrOff(word.substring(NONCE_OPTION.length()).strip());
      } else {
        throw new IllegalArgumentException(
            "unexpected '"
                + word
                + "' after the access: expected acr=a,b, max-age=5m, dpop=MODE or nonce=on|off,"
                + " once each");
      }
    }
    if (acr != null || maxAge != null) {
      access = access.withStepUp(new StepUpRequirement(acr == null ? List.of() : acr, maxAge));
    }
    if (dpop != null) {
      access = access.withDpop(dpop);
    }
    if (nonce != null) {
      access = access.withDpopNonce(nonce);
    }
    return new PathRule(methods(parts[0]), PathPattern.parse(parts[1]), access);
  }

  private static boolean onOrOff(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("'" + word + "' must be on or off");
    };
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
