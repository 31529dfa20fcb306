package dev.gatehouse.authz;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Declarative access by method and path, decided before any token work: the first rule that
 * matches wins, and {@link #otherwise()} decides for requests no rule matches.
 *
 * <p>Paths are the request's path within the application ({@code servletPath + pathInfo}), as the
 * container decoded and normalised it: {@code ;jsessionid=} parameters, {@code %2e%2e} and {@code
 * ..} segments never reach a pattern in their raw form.
 */
public final class PathRules {

  private static final PathRules NONE = new Builder().build();

  private final List<PathRule> rules;
  private final Access otherwise;
  private final boolean corsPreflight;

  private PathRules(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.otherwise = b.otherwise;
    this.corsPreflight = b.corsPreflight;
  }

  /** No rules: every request needs a valid token. */
  public static PathRules none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The access this request needs. */
  public Access decide(HttpServletRequest request) {
    if (corsPreflight && isCorsPreflight(request)) {
      return Access.publicAccess();
    }
    if (rules.isEmpty()) {
      return otherwise;
    }
    String method = request.getMethod();
    String path = pathWithinApplication(request);
    for (PathRule rule : rules) {
      if (rule.matches(method, path)) {
        return rule.access();
      }
    }
    return otherwise;
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

  /** The container-decoded path below the context path; empty for the context root itself. */
  static String pathWithinApplication(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }

  /** Fetch Standard section 3.2.2: {@code OPTIONS} with {@code Origin} and the method to ask for. */
  static boolean isCorsPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Origin") != null
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  @Override
  public String toString() {
    return "PathRules" + rules + " otherwise " + otherwise;
  }

  /** Collects rules in order; not thread-safe, used once. */
  public static final class Builder {
    private final List<PathRule> rules = new ArrayList<>();
    private Access otherwise = Access.authenticated();
    private boolean corsPreflight;

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

    /** The default in the configuration syntax: {@code authenticated}, {@code permit} or {@code deny}. */
    public Builder otherwise(String access, String source) {
      Access parsed;
      try {
        parsed = RuleSyntax.access(access);
      } catch (IllegalArgumentException e) {
        parsed = null;
      }
      if (parsed == null || parsed.kind() == Access.Kind.ALL_SCOPES
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

    public PathRules build() {
      return new PathRules(this);
    }
  }
}
