package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the login lives in the application: its callback, the paths a session stands in for a token
 * on, the logout path and where the provider sends the browser after logout. Paths are relative to
 * the web application (without its context path) and start with {@code /}.
 *
 * @param redirectPath the callback ({@code redirect_uri}), e.g. {@code /app/callback}
 * @param loginPaths where a session stands in for the bearer token and a browser may be sent to log
 *     in: {@code /app} (exactly), {@code /app/*} (it and below) or {@code /*}
 * @param logoutPath a path that takes {@code POST} to end the session
 * @param postLogoutRedirect an absolute {@code http(s)} URL, or a path in the application, where
 *     the provider sends the browser after logout; must be registered at the provider
 */
public record LoginRoutes(
    String redirectPath,
    Set<String> loginPaths,
    Optional<String> logoutPath,
    String postLogoutRedirect) {

  /**
   * @throws IllegalArgumentException naming the setting that is missing or malformed
   */
  public LoginRoutes {
    LoginChecks.path(redirectPath, ConfigKey.LOGIN_REDIRECT_PATH);
    logoutPath.ifPresent(
        p -> {
          LoginChecks.path(p, ConfigKey.LOGIN_LOGOUT_PATH);
          if (p.equals(redirectPath)) {
            throw new IllegalArgumentException(
                ConfigKey.LOGIN_LOGOUT_PATH.property() + ": must differ from the redirect path");
          }
        });
    loginPaths = Collections.unmodifiableSet(new LinkedHashSet<>(loginPaths));
    if (loginPaths.isEmpty()) {
      throw new IllegalArgumentException(ConfigKey.LOGIN_PATHS.property() + ": at least one path");
    }
    loginPaths.forEach(LoginPaths::check);
    checkPostLogout(postLogoutRedirect);
  }

  private static void checkPostLogout(String postLogoutRedirect) {
    String target = LoginChecks.text(postLogoutRedirect, ConfigKey.LOGIN_POST_LOGOUT_REDIRECT);
    target = target.trim();
    boolean inApplication = target.startsWith("/") && !target.startsWith("//");
    if (!inApplication && !LoginChecks.isWebUrl(target)) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_POST_LOGOUT_REDIRECT.property()
              + ": '"
              + target
              + "' must be a path in the application (/...) or an absolute http(s) URL");
    }
  }
}
