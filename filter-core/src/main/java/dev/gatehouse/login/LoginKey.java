package dev.gatehouse.login;

import java.util.Locale;

/**
 * Every setting of the browser login, as read from filter init-params or MicroProfile Config. The
 * environment-variable form follows MicroProfile Config: {@code gatehouse.login.client-secret} is
 * {@code GATEHOUSE_LOGIN_CLIENT_SECRET}.
 */
public enum LoginKey {
  CLIENT_ID("gatehouse.login.client-id"),
  CLIENT_SECRET("gatehouse.login.client-secret"),
  REDIRECT_PATH("gatehouse.login.redirect-path"),
  LOGIN_PATHS("gatehouse.login.paths"),
  LOGOUT_PATH("gatehouse.login.logout-path"),
  POST_LOGOUT_REDIRECT("gatehouse.login.post-logout-redirect"),
  SCOPES("gatehouse.login.scopes"),
  AUDIENCE("gatehouse.login.audience"),
  UNAUTHENTICATED_ACTION("gatehouse.login.unauthenticated-action"),
  CLIENT_AUTHENTICATION("gatehouse.login.client-authentication"),
  CONNECT_TIMEOUT("gatehouse.login.connect-timeout"),
  REQUEST_TIMEOUT("gatehouse.login.request-timeout"),
  LOGIN_TIMEOUT("gatehouse.login.login-timeout"),
  REFRESH_AHEAD("gatehouse.login.refresh-ahead"),
  PUBLIC_BASE_URL("gatehouse.login.public-base-url"),
  ALLOWED_HOSTS("gatehouse.login.allowed-hosts"),
  SECURE_COOKIE("gatehouse.login.secure-cookie"),
  ISSUER("gatehouse.login.issuer");

  private final String property;

  LoginKey(String property) {
    this.property = property;
  }

  public String property() {
    return property;
  }

  public String environmentVariable() {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
