package dev.gatehouse.error;

/**
 * The error codes of RFC 6750 section 3.1, RFC 9449 sections 7.1 and 9, and RFC 9470 section 3,
 * each with the HTTP status it is sent with.
 */
public enum BearerErrorCode {
  INVALID_REQUEST("invalid_request", 400),
  INVALID_TOKEN("invalid_token", 401),
  INSUFFICIENT_SCOPE("insufficient_scope", 403),
  /** RFC 9449 section 7.1: the DPoP proof is missing or fails a check of section 4.3. */
  INVALID_DPOP_PROOF("invalid_dpop_proof", 401),
  /** RFC 9449 section 9: the proof must carry a nonce this server issued, sent in DPoP-Nonce. */
  USE_DPOP_NONCE("use_dpop_nonce", 401),
  /** RFC 9470 section 3: the user must authenticate again, more strongly or more recently. */
  INSUFFICIENT_USER_AUTHENTICATION("insufficient_user_authentication", 401);

  private final String code;
  private final int status;

  BearerErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
