package dev.gatehouse.attacks;

import static dev.gatehouse.testing.Challenges.invalidRequest;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;

/**
 * The refusals the attack catalogue expects, spelled out by hand (as in {@link
 * dev.gatehouse.testing.Challenges}) so that a change of wording or status fails a test.
 */
final class Refusals {

  static final String MALFORMED_TOKEN = "The access token is malformed.";
  static final String MALFORMED_HEADER =
      "The Authorization header is not a valid Bearer credential.";
  static final String TOO_LARGE = "The access token is too large.";
  static final String BAD_ALGORITHM =
      "The access token is signed with an algorithm that is not accepted.";
  static final String UNKNOWN_KEY = "The access token is signed with an unknown key.";
  static final String BAD_SIGNATURE = "The access token signature is invalid.";
  static final String NOT_AN_ACCESS_TOKEN = "The token is not an access token.";
  static final String CRITICAL = "The access token has a critical header that is not understood.";
  static final String EXPIRED = "The access token expired.";
  static final String NOT_YET_VALID = "The access token is not valid yet.";
  static final String ISSUED_IN_FUTURE = "The access token was issued in the future.";
  static final String WRONG_ISSUER = "The access token comes from an issuer that is not trusted.";
  static final String WRONG_AUDIENCE = "The access token is not meant for this API.";
  static final String INVALID_CLAIMS = "The access token has invalid claims.";

  private Refusals() {}

  /** 401 with {@code error="invalid_token"} and exactly this description. */
  static void assertInvalidToken(String description, Reply reply) {
    assertEquals(401, reply.status(), reply::toString);
    assertEquals(invalidToken(description), reply.challenge(), reply::toString);
  }

  /** 400 with {@code error="invalid_request"} and exactly this description. */
  static void assertInvalidRequest(String description, Reply reply) {
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(invalidRequest(description), reply.challenge(), reply::toString);
  }

  static void assertAccepted(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
  }

  /** The configuration every attack test starts from: the local provider, defaults otherwise. */
  static GatehouseConfig.Builder defaults(LocalJwksServer provider) {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(TestTokens.AUDIENCE)
        .allowInsecureLoopbackHttp();
  }
}
