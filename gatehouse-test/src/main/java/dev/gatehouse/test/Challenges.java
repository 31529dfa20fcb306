package dev.gatehouse.test;

import dev.gatehouse.error.Rejection;
import java.util.List;
import java.util.TreeSet;

/**
 * The exact {@code WWW-Authenticate} values Gatehouse writes (RFC 6750 section 3), for tests that
 * assert with another library (REST Assured, MockMvc, AssertJ) where {@link GatehouseAssertions}
 * does not fit: {@code .header("WWW-Authenticate", Challenges.of(Rejection.EXPIRED))}. The realm is
 * Gatehouse's default, {@value #DEFAULT_REALM}.
 */
public final class Challenges {

  public static final String DEFAULT_REALM = "api";

  private Challenges() {}

  /** A request without credentials: the bare challenge, no {@code error} (RFC 6750 section 3.1). */
  public static String bare() {
    return "Bearer realm=\"" + DEFAULT_REALM + "\"";
  }

  /** The challenge for {@code rejection}, with its error code and fixed description. */
  public static String of(Rejection rejection) {
    if (rejection.error().isEmpty()) {
      throw new IllegalArgumentException(rejection.reasonCode() + " is answered without a challenge");
    }
    return bare() + ", " + Refusal.tail(rejection);
  }

  /** {@code insufficient_scope} naming the scopes the request lacked, sorted as Gatehouse sends them. */
  public static String insufficientScope(String... scopes) {
    return of(Rejection.INSUFFICIENT_SCOPE)
        + ", scope=\""
        + String.join(" ", new TreeSet<>(List.of(scopes)))
        + "\"";
  }
}
