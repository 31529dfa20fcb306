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
  public static final String PRINCIPAL_CLAIM_MISSING =
      "The access token lacks the claim that names the caller.";
  public static final String INACTIVE = "The access token is not active.";
  public static final String IDENTITY_HEADER_FROM_CLIENT =
      "The request carries an identity header that only the server may set.";
  public static final String AMBIGUOUS_PATH = "The request path is ambiguous.";
  public static final String DPOP_PROOF_MISSING = "The request carries no DPoP proof.";
  public static final String DPOP_PROOF_MULTIPLE = "The request carries more than one DPoP proof.";
  public static final String DPOP_PROOF_MALFORMED = "The DPoP proof is malformed.";
  public static final String DPOP_PROOF_WRONG_TYPE = "The DPoP proof is not of type dpop+jwt.";
  public static final String DPOP_PROOF_UNSUPPORTED_ALGORITHM =
      "The DPoP proof is signed with an algorithm that is not accepted.";
  public static final String DPOP_PROOF_UNUSABLE_KEY =
      "The DPoP proof does not carry a usable public key.";
  public static final String DPOP_PROOF_INVALID_SIGNATURE = "The DPoP proof signature is invalid.";
  public static final String DPOP_PROOF_WRONG_METHOD = "The DPoP proof is for another HTTP method.";
  public static final String DPOP_PROOF_WRONG_URI = "The DPoP proof is for another URI.";
  public static final String DPOP_PROOF_STALE =
      "The DPoP proof was not issued within the accepted time window.";
  public static final String DPOP_PROOF_WRONG_TOKEN_HASH =
      "The DPoP proof is for another access token.";
  public static final String DPOP_PROOF_REPLAYED = "The DPoP proof has been used before.";
  public static final String DPOP_REPLAY_CHECK_FULL =
      "The DPoP proof cannot be checked for reuse right now.";
  public static final String DPOP_KEY_MISMATCH =
      "The DPoP proof key is not the key the access token is bound to.";
  public static final String DPOP_NONCE_MISSING =
      "The DPoP proof must carry a nonce from this server.";
  public static final String DPOP_NONCE_INVALID =
      "The DPoP proof nonce is not a current one from this server.";
  public static final String DPOP_BOUND_TOKEN_AS_BEARER =
      "The access token is bound to a key and must be sent with the DPoP scheme.";
  public static final String DPOP_TOKEN_NOT_BOUND =
      "The access token sent with the DPoP scheme is not bound to a key.";
  public static final String DPOP_REQUIRED = "This resource accepts only DPoP-bound access tokens.";
  public static final String CLIENT_CERTIFICATE_MISSING =
      "The access token is bound to a client certificate the request does not present.";
  public static final String CLIENT_CERTIFICATE_MISMATCH =
      "The client certificate is not the one the access token is bound to.";
  public static final String AUTHENTICATION_LEVEL_INSUFFICIENT =
      "The user authenticated in a way this resource does not accept.";
  public static final String AUTHENTICATION_TOO_OLD =
      "The user authenticated too long ago for this resource.";
  public static final String UNDECRYPTABLE = "The access token could not be decrypted.";
  public static final String UNSUPPORTED_ENCRYPTION =
      "The access token is encrypted with an algorithm that is not accepted.";

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
