package dev.gatehouse.error;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every reason a request is refused, with its RFC 6750 error and the one description clients see.
 *
 * <p>{@link #reasonCode()} is stable across releases: it is what goes to logs and metrics. The
 * descriptions are fixed text; nothing from the token or from jose4j ever reaches a client.
 */
public enum Rejection {
  MISSING_TOKEN(null, "The request carries no access token."),
  MULTIPLE_TOKENS(
      BearerErrorCode.INVALID_REQUEST, "The request carries more than one access token."),
  MALFORMED_AUTHORIZATION(
      BearerErrorCode.INVALID_REQUEST,
      "The Authorization header is not a valid Bearer credential."),
  TOKEN_TOO_LARGE(BearerErrorCode.INVALID_REQUEST, "The access token is too large."),
  MALFORMED_TOKEN(BearerErrorCode.INVALID_TOKEN, "The access token is malformed."),
  UNSUPPORTED_ALGORITHM(
      BearerErrorCode.INVALID_TOKEN,
      "The access token is signed with an algorithm that is not accepted."),
  UNKNOWN_KEY(BearerErrorCode.INVALID_TOKEN, "The access token is signed with an unknown key."),
  INVALID_SIGNATURE(BearerErrorCode.INVALID_TOKEN, "The access token signature is invalid."),
  UNSUPPORTED_TOKEN_TYPE(BearerErrorCode.INVALID_TOKEN, "The token is not an access token."),
  UNSUPPORTED_CRITICAL_HEADER(
      BearerErrorCode.INVALID_TOKEN,
      "The access token has a critical header that is not understood."),
  EXPIRED(BearerErrorCode.INVALID_TOKEN, "The access token expired."),
  MISSING_EXPIRY(BearerErrorCode.INVALID_TOKEN, "The access token has no expiry."),
  NOT_YET_VALID(BearerErrorCode.INVALID_TOKEN, "The access token is not valid yet."),
  ISSUED_IN_FUTURE(BearerErrorCode.INVALID_TOKEN, "The access token was issued in the future."),
  WRONG_ISSUER(
      BearerErrorCode.INVALID_TOKEN, "The access token comes from an issuer that is not trusted."),
  WRONG_AUDIENCE(BearerErrorCode.INVALID_TOKEN, "The access token is not meant for this API."),
  INVALID_CLAIMS(BearerErrorCode.INVALID_TOKEN, "The access token has invalid claims."),
  INSUFFICIENT_SCOPE(
      BearerErrorCode.INSUFFICIENT_SCOPE, "The access token lacks a required scope."),
  PATH_DENIED(
      BearerErrorCode.INSUFFICIENT_SCOPE, "The request is not allowed with any access token."),
  CLIENT_NOT_ALLOWED(
      BearerErrorCode.INVALID_TOKEN,
      "The access token was issued to a client that is not allowed."),
  TOKEN_REVOKED(BearerErrorCode.INVALID_TOKEN, "The access token has been revoked."),
  CLAIM_REQUIREMENT_UNMET(
      BearerErrorCode.INVALID_TOKEN, "The access token does not meet a claim requirement."),
  /** The configured principal claim is not a string in the token: no silent other identity. */
  PRINCIPAL_CLAIM_MISSING(
      BearerErrorCode.INVALID_TOKEN, "The access token lacks the claim that names the caller."),
  TOKEN_INACTIVE(BearerErrorCode.INVALID_TOKEN, "The access token is not active."),
  IDENTITY_HEADER_FROM_CLIENT(
      BearerErrorCode.INVALID_REQUEST,
      "The request carries an identity header that only the server may set."),
  /** The path has more than one reading (authz.RequestPaths): refused before any rule. */
  AMBIGUOUS_PATH(BearerErrorCode.INVALID_REQUEST, "The request path is ambiguous."),
  // DPoP (RFC 9449 section 4.3), one code per check so that logs tell which one failed.
  DPOP_PROOF_MISSING(BearerErrorCode.INVALID_DPOP_PROOF, "The request carries no DPoP proof."),
  DPOP_PROOF_MULTIPLE(
      BearerErrorCode.INVALID_DPOP_PROOF, "The request carries more than one DPoP proof."),
  DPOP_PROOF_MALFORMED(BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof is malformed."),
  DPOP_PROOF_WRONG_TYPE(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof is not of type dpop+jwt."),
  DPOP_PROOF_UNSUPPORTED_ALGORITHM(
      BearerErrorCode.INVALID_DPOP_PROOF,
      "The DPoP proof is signed with an algorithm that is not accepted."),
  DPOP_PROOF_UNUSABLE_KEY(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof does not carry a usable public key."),
  DPOP_PROOF_INVALID_SIGNATURE(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof signature is invalid."),
  DPOP_PROOF_WRONG_METHOD(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof is for another HTTP method."),
  DPOP_PROOF_WRONG_URI(BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof is for another URI."),
  DPOP_PROOF_STALE(
      BearerErrorCode.INVALID_DPOP_PROOF,
      "The DPoP proof was not issued within the accepted time window."),
  DPOP_PROOF_WRONG_TOKEN_HASH(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof is for another access token."),
  DPOP_PROOF_REPLAYED(BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof has been used before."),
  /** The replay store is full: refused rather than accepted unchecked. */
  DPOP_REPLAY_CHECK_FULL(
      BearerErrorCode.INVALID_DPOP_PROOF, "The DPoP proof cannot be checked for reuse right now."),
  DPOP_KEY_MISMATCH(
      BearerErrorCode.INVALID_DPOP_PROOF,
      "The DPoP proof key is not the key the access token is bound to."),
  DPOP_NONCE_MISSING(
      BearerErrorCode.USE_DPOP_NONCE, "The DPoP proof must carry a nonce from this server."),
  DPOP_NONCE_INVALID(
      BearerErrorCode.USE_DPOP_NONCE,
      "The DPoP proof nonce is not a current one from this server."),
  // The scheme and the token's binding (RFC 9449 section 7): checked by the pipeline.
  /** RFC 9449 section 7.2: a DPoP-bound token sent as a bearer token is a downgrade. */
  DPOP_BOUND_TOKEN_AS_BEARER(
      BearerErrorCode.INVALID_TOKEN,
      "The access token is bound to a key and must be sent with the DPoP scheme."),
  DPOP_TOKEN_NOT_BOUND(
      BearerErrorCode.INVALID_TOKEN,
      "The access token sent with the DPoP scheme is not bound to a key."),
  /** A path rule says {@code dpop=required} and the client used the Bearer scheme. */
  DPOP_REQUIRED(
      BearerErrorCode.INVALID_TOKEN, "This resource accepts only DPoP-bound access tokens."),
  // Certificate-bound tokens (RFC 8705 section 3): invalid_token, as section 3 says.
  CLIENT_CERTIFICATE_MISSING(
      BearerErrorCode.INVALID_TOKEN,
      "The access token is bound to a client certificate the request does not present."),
  CLIENT_CERTIFICATE_MISMATCH(
      BearerErrorCode.INVALID_TOKEN,
      "The client certificate is not the one the access token is bound to."),
  // Step-up (RFC 9470): the path rule asks for another acr or a more recent auth_time.
  AUTHENTICATION_LEVEL_INSUFFICIENT(
      BearerErrorCode.INSUFFICIENT_USER_AUTHENTICATION,
      "The user authenticated in a way this resource does not accept."),
  AUTHENTICATION_TOO_OLD(
      BearerErrorCode.INSUFFICIENT_USER_AUTHENTICATION,
      "The user authenticated too long ago for this resource."),
  // Encrypted access tokens: one answer for every failure of the decryption itself, so that a
  // client cannot tell which step failed.
  UNDECRYPTABLE(BearerErrorCode.INVALID_TOKEN, "The access token could not be decrypted."),
  UNSUPPORTED_ENCRYPTION(
      BearerErrorCode.INVALID_TOKEN,
      "The access token is encrypted with an algorithm that is not accepted.");

  private final @Nullable BearerErrorCode error;
  private final String description;

  Rejection(@Nullable BearerErrorCode error, String description) {
    this.error = error;
    this.description = description;
  }

  /** Empty only for {@link #MISSING_TOKEN}, which gets a bare challenge (RFC 6750 section 3.1). */
  public Optional<BearerErrorCode> error() {
    return Optional.ofNullable(error);
  }

  public int status() {
    return error == null ? 401 : error.status();
  }

  public String description() {
    return description;
  }

  public String reasonCode() {
    return name().toLowerCase(Locale.ROOT);
  }
}
