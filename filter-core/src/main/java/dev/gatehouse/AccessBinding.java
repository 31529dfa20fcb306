package dev.gatehouse;

import dev.gatehouse.authz.PathAmbiguity;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.authz.RequestPaths;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.config.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Path rules (and the ambiguous paths they may see), client lists, claims, identity headers. */
final class AccessBinding {

  private static final Pattern NUMBERED_RULE =
      Pattern.compile(Pattern.quote(ConfigKey.RULE_PREFIX) + "(\\d{1,9})");

  private AccessBinding() {}

  static void apply(Settings s, GatehouseConfigBuilder b) {
    rules(s, b);
    b.clients(
        c -> c.allowed(s.list(ConfigKey.CLIENTS_ALLOWED)).denied(s.list(ConfigKey.CLIENTS_DENIED)));
    requiredClaims(s, b);
    identityHeaders(s, b);
  }

  private static void rules(Settings s, GatehouseConfigBuilder b) {
    PathRules.Builder rules = PathRules.builder();
    boolean configured = false;
    TreeMap<Integer, String> numbered = numberedRules(s);
    if (s.value(ConfigKey.RULES).isPresent()) {
      if (!numbered.isEmpty()) {
        throw new IllegalArgumentException(
            "gatehouse.rules and gatehouse.rules."
                + numbered.firstKey()
                + ": use either one multi-line gatehouse.rules or numbered keys, not both");
      }
      rules.rules(s.value(ConfigKey.RULES).get(), s.name(ConfigKey.RULES));
      configured = true;
    }
    for (var rule : numbered.entrySet()) {
      rules.rule(rule.getValue(), ConfigKey.RULE_PREFIX + rule.getKey());
      configured = true;
    }
    if (s.value(ConfigKey.RULES_DEFAULT).isPresent()) {
      rules.otherwise(s.value(ConfigKey.RULES_DEFAULT).get(), ConfigKey.RULES_DEFAULT.property());
      configured = true;
    }
    if (s.value(ConfigKey.CORS_PREFLIGHT).isPresent()) {
      String v = s.value(ConfigKey.CORS_PREFLIGHT).get().toLowerCase(Locale.ROOT);
      if (v.equals("permit")) {
        rules.permitCorsPreflight();
        configured = true;
      } else if (!v.equals("rules")) {
        throw new IllegalArgumentException(
            "gatehouse.cors-preflight: '" + v + "' must be permit or rules");
      }
    }
    List<String> ambiguities = s.list(ConfigKey.ALLOW_AMBIGUOUS_PATHS);
    if (!ambiguities.isEmpty()) {
      rules.requestPaths(RequestPaths.allowing(ambiguities(ambiguities)));
      configured = true;
    }
    if (configured) {
      b.pathRules(rules.build());
    }
  }

  private static List<PathAmbiguity> ambiguities(List<String> names) {
    try {
      return names.stream().map(PathAmbiguity::named).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ConfigKey.ALLOW_AMBIGUOUS_PATHS.property() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Numbered rules the source can list, plus {@code gatehouse.rules.1, .2, ...} asked for in turn
   * (environment variables such as {@code GATEHOUSE_RULES_1} are found only that way).
   */
  private static TreeMap<Integer, String> numberedRules(Settings s) {
    TreeMap<Integer, String> rules = new TreeMap<>();
    for (String name : s.lookup().names()) {
      Matcher m = NUMBERED_RULE.matcher(name);
      if (m.matches()) {
        s.value(name).ifPresent(v -> rules.put(Integer.parseInt(m.group(1)), v));
      }
    }
    for (int n = 1; ; n++) {
      var v = s.value(ConfigKey.RULE_PREFIX + n);
      if (v.isEmpty()) {
        break;
      }
      rules.put(n, v.get());
    }
    return rules;
  }

  private static void requiredClaims(Settings s, GatehouseConfigBuilder b) {
    for (String name : new java.util.TreeSet<>(s.lookup().names())) {
      if (!name.startsWith(ConfigKey.REQUIRED_CLAIM_PREFIX)) {
        continue;
      }
      String claim = name.substring(ConfigKey.REQUIRED_CLAIM_PREFIX.length());
      List<String> values =
          s.value(name)
              .map(
                  v ->
                      Arrays.stream(v.split(","))
                          .map(String::trim)
                          .filter(x -> !x.isEmpty())
                          .toList())
              .orElse(List.of());
      if (claim.isBlank() || values.isEmpty()) {
        throw new IllegalArgumentException(
            name + ": expected " + ConfigKey.REQUIRED_CLAIM_PREFIX + "<claim>=<value>[,<value>]");
      }
      b.requireClaim(claim, values.toArray(String[]::new));
    }
  }

  private static void identityHeaders(Settings s, GatehouseConfigBuilder b) {
    boolean on =
        s.value(ConfigKey.IDENTITY_HEADERS)
            .map(v -> Values.bool(v, ConfigKey.IDENTITY_HEADERS.property()))
            .orElse(false);
    if (!on) {
      return;
    }
    b.forwardIdentityHeaders(
        IdentityHeaders.of(
            s.value(ConfigKey.IDENTITY_HEADERS_SUBJECT).orElse(IdentityHeaders.DEFAULT_SUBJECT),
            s.value(ConfigKey.IDENTITY_HEADERS_SCOPES).orElse(IdentityHeaders.DEFAULT_SCOPES),
            s.value(ConfigKey.IDENTITY_HEADERS_CLIENT_ID)
                .orElse(IdentityHeaders.DEFAULT_CLIENT_ID)));
  }
}
