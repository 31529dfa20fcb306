package dev.gatehouse.login;

import java.util.Locale;

/**
 * Every way a login, a renewal, a logout or a session's request can fail, with its HTTP status and
 * the fixed sentence the user reads. Nothing from the request or the provider ever reaches the
 * page.
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
  CROSS_SITE_REQUEST(403, "This request did not come from this application's own pages."),
  /**
   * A login that just succeeded got an access token the API refuses for its audience: the
   * registration at the provider or the login's audience or resource setting is wrong, and another
   * login would only get the same token. 403, not 401: signing in again cannot help.
   */
  TOKEN_FOR_ANOTHER_API(
      403,
      "You are signed in, but the identity provider issued an access token that is not meant for"
          + " this application, so signing in again will not help. Please tell the application's"
          + " administrators.");

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
