package dev.gatehouse.login;

import java.util.Locale;

/**
 * Every way a login, a renewal, a logout or a session's request can fail, with its HTTP status and the fixed sentence
 * the user reads. Nothing from the request or the provider ever reaches the page.
 */
enum LoginFailure {
  STATE_MISMATCH(
      400, "This sign-in response does not belong to a sign-in started in this browser."),
  LOGIN_EXPIRED(400, "This sign-in took too long, or its session has ended."),
  INVALID_CALLBACK(400, "The sign-in response is incomplete."),
  LOGIN_DENIED(403, "The sign-in was cancelled or refused at the identity provider."),
  TOKEN_REQUEST_FAILED(502, "The identity provider did not complete the sign-in."),
  ID_TOKEN_INVALID(502, "The identity provider's answer could not be verified."),
  PROVIDER_UNAVAILABLE(503, "The identity provider cannot be reached right now."),
  METHOD_NOT_ALLOWED(405, "This address does not accept that kind of request."),
  UNTRUSTED_HOST(400, "This application is not served at the address used."),
  CROSS_SITE_REQUEST(403, "This request did not come from this application's own pages.");

  private final int status;
  private final String message;

  LoginFailure(int status, String message) {
    this.status = status;
    this.message = message;
  }

  int status() {
    return status;
  }

  String message() {
    return message;
  }

  /** Stable code for logs and metrics, e.g. {@code state_mismatch}. */
  String reasonCode() {
    return name().toLowerCase(Locale.ROOT);
  }
}
