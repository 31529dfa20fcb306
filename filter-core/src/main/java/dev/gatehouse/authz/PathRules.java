package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Declarative access by method and path, decided before any token work: the first rule that matches
 * wins, and {@link #otherwise()} decides for requests no rule matches.
 *
 * <p>One reading of the path, so that no spelling of a request escapes its rule:
 *
 * <ol>
 *   <li>A raw request URI with an encoded {@code / \ ; % .}, a backslash, a dot segment or an empty
 *       segment is refused with 400 before any rule ({@link RequestPaths#check}), unless the
 *       configuration allows that one ambiguity.
 *   <li>Rules match the path within the application as the container decoded and normalised it
 *       ({@code servletPath + pathInfo}, so {@code ;jsessionid=} parameters are gone), without a
 *       trailing slash: {@code /api/secret/} is decided by the rule for {@code /api/secret}.
 *   <li>Matching is case-sensitive, as servlet mappings are. A request that another rule (or the
 *       default) would decide if case did not matter is refused with 400, because some routers and
 *       file systems do not tell {@code /API/secret} from {@code /api/secret}.
 * </ol>
 */
public final class PathRules {

  private static final PathRules NONE = new Builder().build();

  private final List<PathRule> rules;
  private final Access otherwise;
  private final boolean corsPreflight;
  private final RequestPaths paths;

  private PathRules(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.otherwise = b.otherwise;
    this.corsPreflight = b.corsPreflight;
    this.paths = b.paths;
  }

  /** No rules: every request needs a valid token. */
  public static PathRules none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The access this request needs.
   *
   * @throws BearerTokenException {@link Rejection#AMBIGUOUS_PATH} when the path has more than one
   *     reading: a refused spelling, or a rule that would change if case did not matter
   */
  public Access decide(HttpServletRequest request) {
    paths.check(request);
    if (corsPreflight && isCorsPreflight(request)) {
      return Access.publicAccess();
    }
    if (rules.isEmpty()) {
      return otherwise;
    }
    return FirstMatch.decide(rules, otherwise, request);
  }

  public List<PathRule> rules() {
    return rules;
  }

  public Access otherwise() {
    return otherwise;
  }

  public boolean permitsCorsPreflight() {
    return corsPreflight;
  }

  /** Which ambiguous spellings of a path get as far as the rules. */
  public RequestPaths requestPaths() {
    return paths;
  }

  /**
   * Fetch Standard section 3.2.2: {@code OPTIONS} with {@code Origin} and the method to ask for.
   */
  static boolean isCorsPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Origin") != null
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  @Override
  public String toString() {
    return "PathRules" + rules + " otherwise " + otherwise + ", " + paths;
  }

  /** Collects rules in order; not thread-safe, used once. */
  public static final class Builder {
    private final List<PathRule> rules = new ArrayList<>();
    private Access otherwise = Access.authenticated();
    private boolean corsPreflight;
    private RequestPaths paths = RequestPaths.strict();

    private Builder() {}

    /**
     * @param methods {@code *} or a comma-separated list such as {@code GET,HEAD}
     * @param pattern a servlet pattern, see {@link PathPattern}
     */
    public Builder rule(String methods, String pattern, Access access) {
      rules.add(new PathRule(RuleSyntax.methods(methods), PathPattern.parse(pattern), access));
      return this;
    }

    /**
     * A rule written as in the configuration, e.g. {@code "GET /orders/* scopes=read:orders"}.
     *
     * @throws IllegalArgumentException quoting the line and saying what is wrong with it
     */
    public Builder rule(String line) {
      return rule(line, "rule");
    }

    /**
     * Every non-blank line of {@code text} that does not start with {@code #} is a rule.
     *
     * @param source named in error messages with the line number, e.g. {@code gatehouse.rules}
     * @throws IllegalArgumentException naming {@code source}, the line number and the line
     */
    public Builder rules(String text, String source) {
      String[] lines = text.split("\\R");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          rule(line, source + " line " + (i + 1));
        }
      }
      return this;
    }

    /**
     * @param source named in the error message, e.g. {@code gatehouse.rules.20}
     */
    public Builder rule(String line, String source) {
      try {
        rules.add(RuleSyntax.rule(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ": '" + line.strip() + "': " + e.getMessage(), e);
      }
      return this;
    }

    /** For requests no rule matches (default: {@link Access#authenticated()}). */
    public Builder otherwise(Access access) {
      this.otherwise = Objects.requireNonNull(access, "access");
      return this;
    }

    /**
     * The default in the configuration syntax: {@code authenticated}, {@code permit} or {@code
     * deny}.
     */
    public Builder otherwise(String access, String source) {
      Access parsed;
      try {
        parsed = RuleSyntax.access(access);
      } catch (IllegalArgumentException e) {
        parsed = null;
      }
      if (parsed == null
          || parsed.kind() == Access.Kind.ALL_SCOPES
          || parsed.kind() == Access.Kind.ANY_SCOPE) {
        throw new IllegalArgumentException(
            source + ": '" + access.strip() + "' must be authenticated, permit or deny");
      }
      return otherwise(parsed);
    }

    /**
     * Lets CORS preflight requests ({@code OPTIONS} with {@code Origin} and {@code
     * Access-Control-Request-Method}) through without a token, before any rule. Browsers never send
     * credentials on a preflight, so without this an API called cross-origin cannot be reached.
     */
    public Builder permitCorsPreflight() {
      this.corsPreflight = true;
      return this;
    }

    /**
     * Lets requests whose raw path holds these ambiguities reach the rules, for applications that
     * depend on them (default: {@link RequestPaths#strict()}, every one refused with 400).
     */
    public Builder requestPaths(RequestPaths paths) {
      this.paths = Objects.requireNonNull(paths, "paths");
      return this;
    }

    public PathRules build() {
      return new PathRules(this);
    }
  }
}
