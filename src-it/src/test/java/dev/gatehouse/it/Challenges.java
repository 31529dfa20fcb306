package dev.gatehouse.it;

import dev.gatehouse.error.Rejection;

/**
 * The {@code WWW-Authenticate} values RFC 6750 section 3 prescribes, in Gatehouse's fixed
 * parameter order. The descriptions are the core's fixed texts; the format is spelled out here.
 */
final class Challenges {

  static final String REALM = "api";

  private Challenges() {}

  /** No credentials at all: the bare challenge, with no {@code error} (RFC 6750 section 3.1). */
  static String bare() {
    return "Bearer realm=\"" + REALM + "\"";
  }

  static String of(Rejection rejection) {
    String code =
        rejection.error().orElseThrow(() -> new IllegalArgumentException(rejection + "")).code();
    return bare()
        + ", error=\""
        + code
        + "\", error_description=\""
        + rejection.description()
        + "\"";
  }

  static String insufficientScope(String scope) {
    return of(Rejection.INSUFFICIENT_SCOPE) + ", scope=\"" + scope + "\"";
  }
}
