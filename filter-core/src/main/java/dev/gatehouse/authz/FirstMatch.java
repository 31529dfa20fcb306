package dev.gatehouse.authz;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The first rule that matches the request's one reading, unless case would change the answer. */
final class FirstMatch {

  private FirstMatch() {}

  static Access decide(List<PathRule> rules, Access otherwise, HttpServletRequest request) {
    String method = request.getMethod();
    String path = path(request);
    @Nullable Access ignoringCase = null;
    for (PathRule rule : rules) {
      if (!rule.covers(method)) {
        continue;
      }
      if (rule.pattern().matches(path)) {
        return unlessCaseMatters(rule.access(), ignoringCase);
      }
      if (ignoringCase == null && rule.pattern().matchesIgnoringCase(path)) {
        ignoringCase = rule.access();
      }
    }
    return unlessCaseMatters(otherwise, ignoringCase);
  }

  /**
   * {@code decided}, unless an earlier rule that matches only when case is ignored asks for
   * something else. Either reading could be the application's, so neither is safe to apply.
   */
  private static Access unlessCaseMatters(Access decided, @Nullable Access ignoringCase) {
    if (ignoringCase != null && !ignoringCase.equals(decided)) {
      throw new BearerTokenException(Rejection.AMBIGUOUS_PATH);
    }
    return decided;
  }

  /** Jetty throws for a path it finds ambiguous when it was told to pass such paths on. */
  private static String path(HttpServletRequest request) {
    try {
      return RequestPaths.pathWithinApplication(request);
    } catch (IllegalArgumentException e) {
      throw new BearerTokenException(Rejection.AMBIGUOUS_PATH);
    }
  }
}
