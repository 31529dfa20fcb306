package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;

/** A refusal already checked for its reason; these narrow down its challenge further. */
public final class Refusal {

  private static final String PREFIX = "Bearer realm=\"";

  private final ResponseAssert owner;
  private final Rejection rejection;
  private final String challenge;

  Refusal(ResponseAssert owner, Rejection rejection, String challenge) {
    this.owner = owner;
    this.rejection = rejection;
    this.challenge = challenge;
    if (!challenge.startsWith(PREFIX) || challenge.indexOf('"', PREFIX.length()) < 0) {
      fail("expected a Bearer challenge with a realm, got: " + challenge);
    }
  }

  /** The whole {@code WWW-Authenticate} value, exactly. */
  public Refusal withChallenge(String expected) {
    if (!challenge.equals(expected)) {
      fail("expected the challenge\n  " + expected + "\nbut got\n  " + challenge);
    }
    return this;
  }

  public Refusal withRealm(String realm) {
    return withChallenge(PREFIX + realm + "\"" + afterRealmWithSeparator());
  }

  /** The {@code scope} parameter: the scopes the request lacked, space-separated and sorted. */
  public Refusal withScope(String... scopes) {
    String expected =
        tail(rejection)
            + ", scope=\""
            + String.join(" ", new java.util.TreeSet<>(java.util.List.of(scopes)))
            + "\"";
    if (!afterRealm().equals(expected)) {
      fail("expected scope " + String.join(" ", scopes) + " in the challenge, got: " + challenge);
    }
    return this;
  }

  public HttpResponse<?> response() {
    return owner.response();
  }

  /**
   * The Bearer challenge after {@code realm="..."} and its comma, e.g. {@code
   * error="invalid_token", ...}; a DPoP challenge in the same header (RFC 9449 section 7.1) is not
   * part of it.
   */
  String afterRealm() {
    String rest = afterRealmWithSeparator();
    int dpop = rest.indexOf(Challenges.DPOP_SEPARATOR);
    if (dpop >= 0) {
      rest = rest.substring(0, dpop);
    }
    return rest.startsWith(", ") ? rest.substring(2) : rest;
  }

  private String afterRealmWithSeparator() {
    int close = challenge.indexOf('"', PREFIX.length());
    return challenge.substring(close + 1);
  }

  /** Gatehouse's parameters for this reason, in its order (ChallengeWriter: error, description). */
  static String tail(Rejection rejection) {
    return rejection
        .error()
        .map(
            e ->
                "error=\"" + e.code() + "\", error_description=\"" + rejection.description() + "\"")
        .orElse("");
  }
}
