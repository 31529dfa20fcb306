package dev.gatehouse.error;

/** The error codes of RFC 6750 section 3.1, each with the HTTP status it is sent with. */
public enum BearerErrorCode {
  INVALID_REQUEST("invalid_request", 400),
  INVALID_TOKEN("invalid_token", 401),
  INSUFFICIENT_SCOPE("insufficient_scope", 403);

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
