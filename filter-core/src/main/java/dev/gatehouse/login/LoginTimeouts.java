package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import java.time.Duration;

/**
 * How long the login waits for the provider and for the user, and when it renews a session's access
 * token.
 *
 * @param connectTimeout for a connection to the token endpoint
 * @param requestTimeout the whole token request, from sending to the last byte of the answer
 * @param loginTimeout how long a started login may take before its callback is refused
 * @param refreshAhead how long before its expiry the session's access token is renewed, 0 to 10
 *     minutes
 */
public record LoginTimeouts(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration loginTimeout,
    Duration refreshAhead) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(30);

  private static final Duration MAX_REFRESH_AHEAD = Duration.ofMinutes(10);

  /** The defaults above. */
  public static final LoginTimeouts DEFAULTS =
      new LoginTimeouts(
          DEFAULT_CONNECT_TIMEOUT,
          DEFAULT_REQUEST_TIMEOUT,
          DEFAULT_LOGIN_TIMEOUT,
          DEFAULT_REFRESH_AHEAD);

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public LoginTimeouts {
    LoginChecks.positive(connectTimeout, ConfigKey.LOGIN_CONNECT_TIMEOUT);
    LoginChecks.positive(requestTimeout, ConfigKey.LOGIN_REQUEST_TIMEOUT);
    LoginChecks.positive(loginTimeout, ConfigKey.LOGIN_TIMEOUT);
    if (refreshAhead.isNegative() || refreshAhead.compareTo(MAX_REFRESH_AHEAD) > 0) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_REFRESH_AHEAD.property() + ": must be between 0 and 10m");
    }
  }
}
