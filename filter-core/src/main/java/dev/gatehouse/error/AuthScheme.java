package dev.gatehouse.error;

/** The HTTP authentication schemes a protected resource may accept an access token with. */
public enum AuthScheme {
  /** RFC 6750: whoever holds the token may use it. */
  BEARER("Bearer"),
  /** RFC 9449: the token is bound to a key, and each request carries a proof signed with it. */
  DPOP("DPoP");

  private final String challengeName;

  AuthScheme(String challengeName) {
    this.challengeName = challengeName;
  }

  /**
   * The scheme's name as a {@code WWW-Authenticate} challenge and an {@code Authorization} value.
   */
  public String challengeName() {
    return challengeName;
  }
}
