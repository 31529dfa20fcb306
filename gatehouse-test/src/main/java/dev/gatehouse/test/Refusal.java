package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;

/**
 * A refusal already checked for its reason; these narrow down its challenge further. A request that
 * presented its token with {@code Bearer} (or none) is refused on the Bearer challenge, {@code
 * Bearer realm="...", error=...}; one that presented it with {@code DPoP} on the DPoP challenge,
 * {@code DPoP error=..., algs="..."} (RFC 9449 section 7.1).
 */
public final class Refusal {

  private static final String BEARER = "Bearer realm=\"";
  private static final String DPOP = "DPoP ";
  private static final String ALGS = ", algs=\"";

  private final ResponseAssert owner;
  private final Rejection rejection;
  private final String challenge;
  private final boolean dpop;

  Refusal(ResponseAssert owner, Rejection rejection, String challenge) {
    this.owner = owner;
    this.rejection = rejection;
    this.challenge = challenge;
    this.dpop = challenge.startsWith(DPOP);
    boolean bearer = challenge.startsWith(BEARER) && challenge.indexOf('"', BEARER.length()) >= 0;
    if (!bearer && !(dpop && challenge.contains(ALGS))) {
      fail("expected a Bearer challenge with a realm or a DPoP one with algs, got: " + challenge);
    }
  }

  /** The whole {@code WWW-Authenticate} value, exactly. */
  public Refusal withChallenge(String expected) {
    if (!challenge.equals(expected)) {
      fail("expected the challenge\n  " + expected + "\nbut got\n  " + challenge);
    }
    return this;
  }

  /** The Bearer challenge's realm (a DPoP challenge has none). */
  public Refusal withRealm(String realm) {
    if (dpop) {
      fail("the refusal is on the DPoP challenge, which carries no realm: " + challenge);
    }
    return withChallenge(BEARER + realm + "\"" + afterRealmWithSeparator());
  }

  /** The {@code scope} parameter: the scopes the request lacked, space-separated and sorted. */
  public Refusal withScope(String... scopes) {
    String expected =
        tail(rejection)
            + ", scope=\""
            + String.join(" ", new java.util.TreeSet<>(java.util.List.of(scopes)))
            + "\"";
    if (!erring().equals(expected)) {
      fail("expected scope " + String.join(" ", scopes) + " in the challenge, got: " + challenge);
    }
    return this;
  }

  /** Refused on the DPoP challenge: the request presented its token with the DPoP scheme. */
  public Refusal onDpop() {
    if (!dpop) {
      fail("expected the refusal on the DPoP challenge, got: " + challenge);
    }
    return this;
  }

  /**
   * The nonce a {@code use_dpop_nonce} answer sends in {@code DPoP-Nonce} (RFC 9449 section 8), to
   * sign the retried request's proof with.
   */
  public String dpopNonce() {
    return response()
        .headers()
        .firstValue("DPoP-Nonce")
        .orElseGet(() -> fail("expected a DPoP-Nonce header with the refusal, got none"));
  }

  public HttpResponse<?> response() {
    return owner.response();
  }

  /**
   * The parameters of the challenge that carries the error: for Bearer, those after {@code
   * realm="..."} and its comma, up to a DPoP challenge in the same header; for DPoP, those before
   * {@code algs}. E.g. {@code error="invalid_token", error_description="..."}.
   */
  String erring() {
    if (dpop) {
      return challenge.substring(DPOP.length(), challenge.indexOf(ALGS));
    }
    String rest = afterRealmWithSeparator();
    int next = rest.indexOf(Challenges.DPOP_SEPARATOR);
    if (next >= 0) {
      rest = rest.substring(0, next);
    }
    return rest.startsWith(", ") ? rest.substring(2) : rest;
  }

  private String afterRealmWithSeparator() {
    int close = challenge.indexOf('"', BEARER.length());
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
