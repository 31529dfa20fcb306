package dev.gatehouse.demo;

import dev.gatehouse.login.LoginConfig;
import dev.gatehouse.login.LoginConfigBuilder;

/**
 * The demo's browser login: the page {@value #APP_PATH} behind {@code GatehouseLoginFilter}, its
 * callback and logout paths, and the login configuration for the local provider.
 */
public final class DemoLogin {

  public static final String APP_PATH = "/app";
  public static final String LOGIN_PATHS = APP_PATH + "/*";
  public static final String CALLBACK_PATH = APP_PATH + "/callback";
  public static final String LOGOUT_PATH = APP_PATH + "/logout";
  public static final String SIGNED_OUT_PATH = "/signed-out";

  /** The web application's client at the local provider, which accepts any id and secret. */
  public static final String LOCAL_CLIENT_ID = "demo-web";

  private static final String LOCAL_CLIENT_SECRET = "local-web-secret";

  private DemoLogin() {}

  /** Login against the local provider, for an API whose audience is {@code audience}. */
  public static LoginConfig local(String audience) {
    return paths(LoginConfig.forClient(LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, CALLBACK_PATH))
        .audience(audience)
        .build();
  }

  /** The demo's paths on a builder whose client was configured elsewhere. */
  static LoginConfigBuilder paths(LoginConfigBuilder builder) {
    return builder
        .loginPaths(LOGIN_PATHS)
        .logoutPath(LOGOUT_PATH)
        .postLogoutRedirect(SIGNED_OUT_PATH);
  }
}
