package dev.gatehouse.testing;

/**
 * The exact {@code WWW-Authenticate} values the tests expect, spelled out by hand (not built with
 * the production writer) so that a change of format shows up as a failing test.
 */
public final class Challenges {

  /**
   * RFC 6750 section 3.1 and RFC 9449 section 7.1: a request without a token gets no error code,
   * and a challenge for each scheme the path accepts (DPoP by default).
   */
  public static final String BARE = "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA PS256 RS256\"";

  /** The same where DPoP is off: the Bearer challenge alone. */
  public static final String BEARER_ONLY = "Bearer realm=\"api\"";

  private Challenges() {}

  public static String invalidRequest(String description) {
    return "Bearer realm=\"api\", error=\"invalid_request\", error_description=\""
        + description
        + "\"";
  }

  /** Two tokens at once: the error on each scheme. */
  public static String multipleTokens() {
    String description = "The request carries more than one access token.";
    return invalidRequest(description)
        + ", DPoP error=\"invalid_request\", error_description=\""
        + description
        + "\", algs=\"ES256 EdDSA PS256 RS256\"";
  }

  public static String invalidToken(String description) {
    return "Bearer realm=\"api\", error=\"invalid_token\", error_description=\""
        + description
        + "\"";
  }

  public static String insufficientScope(String scope) {
    return "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
        + " token lacks a required scope.\", scope=\""
        + scope
        + "\"";
  }
}
