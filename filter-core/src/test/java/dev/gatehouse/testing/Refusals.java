package dev.gatehouse.testing;

import static dev.gatehouse.testing.Challenges.invalidRequest;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.ProtectedApi.Reply;

/**
 * Every refusal description the tests expect, and the assertions on a refused answer. Spelled out
 * by hand, not read from {@code error.Rejection}, so that a change of wording or status fails a
 * test instead of passing silently; {@code ChallengeWriterTest} checks the table against this.
 */
public final class Refusals {

  public static final String MISSING_TOKEN = "The request carries no access token.";
  public static final String MULTIPLE_TOKENS = "The request carries more than one access token.";
  public static final String MALFORMED_HEADER =
      "The Authorization header is not a valid Bearer credential.";
  public static final String TOO_LARGE = "The access token is too large.";
  public static final String MALFORMED_TOKEN = "The access token is malformed.";
  public static final String BAD_ALGORITHM =
      "The access token is signed with an algorithm that is not accepted.";
  public static final String UNKNOWN_KEY = "The access token is signed with an unknown key.";
  public static final String BAD_SIGNATURE = "The access token signature is invalid.";
  public static final String NOT_AN_ACCESS_TOKEN = "The token is not an access token.";
  public static final String CRITICAL =
      "The access token has a critical header that is not understood.";
  public static final String EXPIRED = "The access token expired.";
  public static final String NO_EXPIRY = "The access token has no expiry.";
  public static final String NOT_YET_VALID = "The access token is not valid yet.";
  public static final String ISSUED_IN_FUTURE = "The access token was issued in the future.";
  public static final String WRONG_ISSUER =
      "The access token comes from an issuer that is not trusted.";
  public static final String WRONG_AUDIENCE = "The access token is not meant for this API.";
  public static final String INVALID_CLAIMS = "The access token has invalid claims.";
  public static final String INSUFFICIENT_SCOPE = "The access token lacks a required scope.";
  public static final String PATH_DENIED = "The request is not allowed with any access token.";
  public static final String CLIENT_NOT_ALLOWED =
      "The access token was issued to a client that is not allowed.";
  public static final String REVOKED = "The access token has been revoked.";
  public static final String CLAIM_REQUIREMENT_UNMET =
      "The access token does not meet a claim requirement.";
  public static final String INACTIVE = "The access token is not active.";
  public static final String IDENTITY_HEADER_FROM_CLIENT =
      "The request carries an identity header that only the server may set.";
  public static final String AMBIGUOUS_PATH = "The request path is ambiguous.";

  private Refusals() {}

  /** 401 with {@code error="invalid_token"} and exactly this description. */
  public static void assertRejected(String description, Reply reply) {
    assertEquals(401, reply.status(), reply::toString);
    assertEquals(invalidToken(description), reply.challenge(), reply::toString);
  }

  /** 400 with {@code error="invalid_request"} and exactly this description. */
  public static void assertInvalidRequest(String description, Reply reply) {
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(invalidRequest(description), reply.challenge(), reply::toString);
  }

  public static void assertAccepted(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
  }
}
