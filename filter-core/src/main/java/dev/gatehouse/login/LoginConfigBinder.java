package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.internal.config.Values;
import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one place that turns {@code gatehouse.login.*} strings into a {@link LoginConfig}; every
 * failure names the property. Durations are written {@code 30s}, {@code 500ms}, {@code 10m}, {@code
 * 1h}, ISO-8601 {@code PT30S} or bare seconds; lists are comma- or space-separated; enum values are
 * case-insensitive with {@code -} or {@code _} ({@code client-secret-post}).
 */
public final class LoginConfigBinder {

  /** The prefix of every {@link ConfigKey} the login reads. */
  static final String PREFIX = "gatehouse.login.";

  /** The login's settings, in the order {@link ConfigKey} lists them. */
  public static final List<ConfigKey> KEYS =
      Arrays.stream(ConfigKey.values()).filter(k -> k.property().startsWith(PREFIX)).toList();

  private final PropertyLookup lookup;

  public LoginConfigBinder(PropertyLookup lookup) {
    this.lookup = lookup.trimmed();
  }

  /** Whether any login setting is present, i.e. whether login is wanted at all. */
  public boolean isConfigured() {
    return KEYS.stream().anyMatch(k -> lookup.get(k.property()).isPresent());
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  public LoginConfig bind() {
    LoginConfigBuilder b =
        new LoginConfigBuilder(
            value(ConfigKey.LOGIN_CLIENT_ID).orElse(null),
            value(ConfigKey.LOGIN_CLIENT_SECRET).orElse(null),
            value(ConfigKey.LOGIN_REDIRECT_PATH).orElse(null));
    set(ConfigKey.LOGIN_PATHS, v -> b.loginPaths(Values.list(v)));
    set(ConfigKey.LOGIN_LOGOUT_PATH, b::logoutPath);
    set(ConfigKey.LOGIN_POST_LOGOUT_REDIRECT, b::postLogoutRedirect);
    set(ConfigKey.LOGIN_SCOPES, v -> b.scopes(Values.list(v)));
    set(ConfigKey.LOGIN_AUDIENCE, b::audience);
    set(ConfigKey.LOGIN_RESOURCE, v -> b.resources(Values.list(v)));
    set(ConfigKey.LOGIN_UNAUTHENTICATED_ACTION, v -> b.unauthenticatedAction(action(v)));
    set(
        ConfigKey.LOGIN_CLIENT_AUTHENTICATION,
        v ->
            b.clientAuthentication(
                ClientAuthentication.parse(v, ConfigKey.LOGIN_CLIENT_AUTHENTICATION.property())));
    duration(ConfigKey.LOGIN_CONNECT_TIMEOUT, b::connectTimeout);
    duration(ConfigKey.LOGIN_REQUEST_TIMEOUT, b::requestTimeout);
    duration(ConfigKey.LOGIN_TIMEOUT, b::loginTimeout);
    duration(ConfigKey.LOGIN_REFRESH_AHEAD, b::refreshAhead);
    set(ConfigKey.LOGIN_PUBLIC_BASE_URL, v -> b.publicBaseUrl(uri(v)));
    set(ConfigKey.LOGIN_ALLOWED_HOSTS, v -> b.allowedHosts(Values.list(v)));
    set(ConfigKey.LOGIN_SECURE_COOKIE, v -> secureCookie(v, b));
    set(ConfigKey.LOGIN_ISSUER, b::issuer);
    return b.build();
  }

  private Optional<String> value(ConfigKey key) {
    return lookup.get(key.property());
  }

  private void set(ConfigKey key, Consumer<String> setter) {
    value(key).ifPresent(setter);
  }

  private static void secureCookie(String value, LoginConfigBuilder b) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "always" -> b.alwaysSecureCookie();
      case "when-https", "when_https" -> {}
      default ->
          throw new IllegalArgumentException(
              ConfigKey.LOGIN_SECURE_COOKIE.property()
                  + ": '"
                  + value
                  + "' must be when-https or always");
    }
  }

  private static LoginConfig.UnauthenticatedAction action(String value) {
    String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (LoginConfig.UnauthenticatedAction a : LoginConfig.UnauthenticatedAction.values()) {
      if (a.name().equals(wanted)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        ConfigKey.LOGIN_UNAUTHENTICATED_ACTION.property()
            + ": '"
            + value
            + "' must be one of "
            + Arrays.stream(LoginConfig.UnauthenticatedAction.values())
                .map(a -> a.name().toLowerCase(Locale.ROOT))
                .toList());
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_PUBLIC_BASE_URL.property() + ": '" + value + "' is not a URL");
    }
  }

  private void duration(ConfigKey key, Consumer<Duration> setter) {
    set(key, v -> setter.accept(Values.duration(v, key.property())));
  }
}
