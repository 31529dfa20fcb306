package dev.gatehouse.internal.signals;

import java.util.Locale;

/**
 * Why a SET or its delivery was refused: the error codes of RFC 8935 section 2.4, each with one
 * fixed description. Nothing of the SET is ever echoed, so a description cannot carry a token or a
 * claim back to whoever sent it.
 */
public enum SetError {
  INVALID_REQUEST(400, "The request is not a well-formed, current and first-seen SET."),
  INVALID_KEY(400, "The SET is not signed with a key and algorithm this receiver accepts."),
  INVALID_ISSUER(400, "The SET issuer is not the configured transmitter."),
  INVALID_AUDIENCE(400, "The SET audience does not include this receiver."),
  AUTHENTICATION_FAILED(401, "The transmitter could not be authenticated."),
  ACCESS_DENIED(403, "The transmitter is not allowed to deliver SETs here.");

  private final int status;
  private final String description;

  SetError(int status, String description) {
    this.status = status;
    this.description = description;
  }

  /** The {@code err} value: the name in lower case. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  /** The HTTP status of a push answer. */
  public int status() {
    return status;
  }

  /** The RFC 8935 error body; the description is fixed text, safe to send as it is. */
  public String json() {
    return "{\"err\":\"" + code() + "\",\"description\":\"" + description + "\"}";
  }
}
