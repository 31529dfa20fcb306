package dev.gatehouse.login;

import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.config.Values;
import dev.gatehouse.outbound.ClientAuthentication;
import java.net.URI;
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

  private final PropertyLookup lookup;

  public LoginConfigBinder(PropertyLookup lookup) {
    this.lookup = lookup.trimmed();
  }

  /** Whether any login setting is present, i.e. whether login is wanted at all. */
  public boolean isConfigured() {
    return Arrays.stream(LoginKey.values()).anyMatch(k -> lookup.get(k.property()).isPresent());
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing or invalid
   */
  public LoginConfig bind() {
    LoginConfig.Builder b =
        LoginConfig.forClient(
            value(LoginKey.CLIENT_ID).orElse(null),
            value(LoginKey.CLIENT_SECRET).orElse(null),
            value(LoginKey.REDIRECT_PATH).orElse(null));
    set(LoginKey.LOGIN_PATHS, v -> b.loginPaths(list(v)));
    set(LoginKey.LOGOUT_PATH, b::logoutPath);
    set(LoginKey.POST_LOGOUT_REDIRECT, b::postLogoutRedirect);
    set(LoginKey.SCOPES, v -> b.scopes(list(v)));
    set(LoginKey.AUDIENCE, b::audience);
    set(
        LoginKey.UNAUTHENTICATED_ACTION,
        v ->
            b.unauthenticatedAction(
                choice(
                    v, LoginConfig.UnauthenticatedAction.class, LoginKey.UNAUTHENTICATED_ACTION)));
    set(
        LoginKey.CLIENT_AUTHENTICATION,
        v ->
            b.clientAuthentication(
                choice(v, ClientAuthentication.class, LoginKey.CLIENT_AUTHENTICATION)));
    set(LoginKey.CONNECT_TIMEOUT, v -> b.connectTimeout(duration(v, LoginKey.CONNECT_TIMEOUT)));
    set(LoginKey.REQUEST_TIMEOUT, v -> b.requestTimeout(duration(v, LoginKey.REQUEST_TIMEOUT)));
    set(LoginKey.LOGIN_TIMEOUT, v -> b.loginTimeout(duration(v, LoginKey.LOGIN_TIMEOUT)));
    set(LoginKey.REFRESH_AHEAD, v -> b.refreshAhead(duration(v, LoginKey.REFRESH_AHEAD)));
    set(LoginKey.PUBLIC_BASE_URL, v -> b.publicBaseUrl(uri(v, LoginKey.PUBLIC_BASE_URL)));
    set(LoginKey.ALLOWED_HOSTS, v -> b.allowedHosts(list(v)));
    set(LoginKey.SECURE_COOKIE, v -> secureCookie(v, b));
    set(LoginKey.ISSUER, b::issuer);
    return b.build();
  }

  private Optional<String> value(LoginKey key) {
    return lookup.get(key.property());
  }

  private void set(LoginKey key, Consumer<String> setter) {
    value(key).ifPresent(setter);
  }

  private static void secureCookie(String value, LoginConfig.Builder b) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "always" -> b.alwaysSecureCookie();
      case "when-https", "when_https" -> {}
      default ->
          throw new IllegalArgumentException(
              LoginKey.SECURE_COOKIE.property() + ": '" + value + "' must be when-https or always");
    }
  }

  private static List<String> list(String value) {
    return Values.list(value);
  }

  private static <E extends Enum<E>> E choice(String value, Class<E> type, LoginKey key) {
    String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        key.property()
            + ": '"
            + value
            + "' must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList());
  }

  private static URI uri(String value, LoginKey key) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(key.property() + ": '" + value + "' is not a URL");
    }
  }

  static Duration duration(String value, LoginKey key) {
    return Values.duration(value, key.property());
  }

}
