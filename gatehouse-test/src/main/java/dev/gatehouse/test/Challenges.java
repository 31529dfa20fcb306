package dev.gatehouse.test;

import dev.gatehouse.error.Rejection;
import java.util.List;
import java.util.TreeSet;

/**
 * The exact {@code WWW-Authenticate} values Gatehouse writes (RFC 6750 section 3, RFC 9449 section
 * 7), for tests that assert with another library (REST Assured, MockMvc, AssertJ) where {@link
 * GatehouseAssertions} does not fit: {@code .header("WWW-Authenticate",
 * Challenges.of(Rejection.EXPIRED))}. The realm is Gatehouse's default, {@value #DEFAULT_REALM};
 * DPoP is accepted with its default algorithms, as it is unless {@code gatehouse.dpop=off}.
 */
public final class Challenges {

  public static final String DEFAULT_REALM = "api";

  /** The DPoP challenge's {@code algs} with the default proof algorithms. */
  public static final String DEFAULT_DPOP_ALGS = "algs=\"ES256 EdDSA PS256 RS256\"";

  static final String DPOP_SEPARATOR = ", DPoP ";

  private Challenges() {}

  /**
   * A request without credentials: a challenge for each scheme, no {@code error} (RFC 6750 section
   * 3.1, RFC 9449 section 7.1).
   */
  public static String bare() {
    return bearerOnly() + DPOP_SEPARATOR + DEFAULT_DPOP_ALGS;
  }

  /** The same where DPoP is off ({@code gatehouse.dpop=off}): the Bearer challenge alone. */
  public static String bearerOnly() {
    return "Bearer realm=\"" + DEFAULT_REALM + "\"";
  }

  /**
   * The challenge for {@code rejection} of a Bearer request, with its error code and fixed
   * description; for {@code multiple_tokens} the error is on both schemes.
   */
  public static String of(Rejection rejection) {
    if (rejection.error().isEmpty()) {
      throw new IllegalArgumentException(
          rejection.reasonCode() + " is answered without a challenge");
    }
    String bearer = bearerOnly() + ", " + Refusal.tail(rejection);
    return rejection == Rejection.MULTIPLE_TOKENS
        ? bearer + DPOP_SEPARATOR + Refusal.tail(rejection) + ", " + DEFAULT_DPOP_ALGS
        : bearer;
  }

  /**
   * The challenge for {@code rejection} of a request made with DPoP: the DPoP challenge alone, with
   * the error and the default {@code algs} (RFC 9449 section 7.1).
   */
  public static String dpop(Rejection rejection) {
    if (rejection.error().isEmpty()) {
      throw new IllegalArgumentException(
          rejection.reasonCode() + " is answered without a challenge");
    }
    return "DPoP " + Refusal.tail(rejection) + ", " + DEFAULT_DPOP_ALGS;
  }

  /**
   * {@code insufficient_scope} naming the scopes the request lacked, sorted as Gatehouse sends
   * them.
   */
  public static String insufficientScope(String... scopes) {
    return of(Rejection.INSUFFICIENT_SCOPE)
        + ", scope=\""
        + String.join(" ", new TreeSet<>(List.of(scopes)))
        + "\"";
  }
}
