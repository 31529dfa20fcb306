package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one reading of a request's path that rules are matched against, and the check that refuses
 * paths that have more than one reading.
 *
 * <p>Rules see the path the container mapped, decoded and normalised ({@link
 * #pathWithinApplication}). That is only safe when every later reader (the container's mapping, a
 * framework's router, a proxy in front) arrives at the same path, so {@link #check} first refuses
 * raw request URIs whose spelling readers are known to disagree about: the {@link PathAmbiguity}
 * list, each allowed only by name for applications that need it.
 */
public final class RequestPaths {

  private static final RequestPaths STRICT = new RequestPaths(0);

  /** Bit {@code 1 << ordinal()} for each allowed {@link PathAmbiguity}. */
  private final int allowed;

  private RequestPaths(int allowed) {
    this.allowed = allowed;
  }

  /** Every {@link PathAmbiguity} refused: the default. */
  public static RequestPaths strict() {
    return STRICT;
  }

  /** Refuses every ambiguity but these, for applications that rely on one of them. */
  public static RequestPaths allowing(Collection<PathAmbiguity> ambiguities) {
    int bits = 0;
    for (PathAmbiguity a : ambiguities) {
      bits |= 1 << a.ordinal();
    }
    return bits == 0 ? STRICT : new RequestPaths(bits);
  }

  public Set<PathAmbiguity> allowed() {
    return Collections.unmodifiableSet(set(allowed));
  }

  /**
   * Refuses, before any rule, a request whose raw URI holds an ambiguity that is not allowed. A
   * request without a URI is refused too: a real container always gives one.
   *
   * @throws BearerTokenException {@link Rejection#AMBIGUOUS_PATH}, 400 {@code invalid_request}
   */
  public void check(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (uri == null || (ambiguities(uri) & ~allowed) != 0) {
      throw new BearerTokenException(Rejection.AMBIGUOUS_PATH);
    }
  }

  /** The ambiguities in a raw, still encoded path such as {@code /app/api/%2e%2e/secret}. */
  public static Set<PathAmbiguity> ambiguitiesIn(String rawPath) {
    return Collections.unmodifiableSet(set(ambiguities(rawPath)));
  }

  /**
   * The path rules are matched against: {@code servletPath + pathInfo} as the container decoded and
   * normalised it, with empty and dot segments resolved again (they only remain when the container
   * or {@link #check} was told to let them through) and without a trailing slash, so {@code
   * /api/secret/} is the same path as {@code /api/secret}, as JAX-RS and most routers treat it.
   * {@code /} stays {@code /}; the context root reached without a slash is {@code ""}.
   *
   * <p>Other filters that match paths (the login filter) use this too, so that every rule in the
   * application reads a request the same way.
   */
  public static String pathWithinApplication(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return normalise((servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo));
  }

  static String normalise(String path) {
    boolean plain =
        path.indexOf("//") < 0
            && path.indexOf("/.") < 0
            && (path.length() < 2 || path.charAt(path.length() - 1) != '/');
    return plain ? path : PathSegments.resolve(path);
  }

  /** Bit {@code 1 << ordinal()} for each ambiguity found in {@code raw}. */
  private static int ambiguities(String raw) {
    int found = 0;
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      found |= escape(raw, i);
    }
    if (raw.indexOf('\\') >= 0) {
      found |= bit(PathAmbiguity.BACKSLASH);
    }
    if (raw.indexOf("//") >= 0
        || raw.indexOf("/.") >= 0
        || raw.indexOf("/;") >= 0
        || raw.indexOf("/%") >= 0) {
      found |= PathSegments.ambiguities(raw);
    }
    return found;
  }

  /** The ambiguity of the escape at {@code i}, if any; malformed escapes are the container's. */
  private static int escape(String raw, int i) {
    if (i + 2 >= raw.length()) {
      return 0;
    }
    char high = raw.charAt(i + 1);
    char low = Character.toUpperCase(raw.charAt(i + 2));
    if (high == '2') {
      return switch (low) {
        case 'F' -> bit(PathAmbiguity.ENCODED_SLASH);
        case 'E' -> bit(PathAmbiguity.ENCODED_PERIOD);
        case '5' -> bit(PathAmbiguity.ENCODED_PERCENT);
        default -> 0;
      };
    }
    if (high == '5' && low == 'C') {
      return bit(PathAmbiguity.ENCODED_BACKSLASH);
    }
    if (high == '3' && low == 'B') {
      return bit(PathAmbiguity.ENCODED_SEMICOLON);
    }
    return 0;
  }

  static int bit(PathAmbiguity a) {
    return 1 << a.ordinal();
  }

  private static EnumSet<PathAmbiguity> set(int bits) {
    EnumSet<PathAmbiguity> set = EnumSet.noneOf(PathAmbiguity.class);
    for (PathAmbiguity a : PathAmbiguity.values()) {
      if ((bits & bit(a)) != 0) {
        set.add(a);
      }
    }
    return set;
  }

  @Override
  public String toString() {
    return "RequestPaths allowing " + allowed();
  }
}
