package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The checks the login's settings share; every failure names the property, as the binder's do. */
final class LoginChecks {

  private LoginChecks() {}

  static String text(@Nullable String value, ConfigKey key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key.property() + ": a value is required");
    }
    return value;
  }

  /** A path in the application without patterns, query or fragment, like {@code /app/callback}. */
  static String path(String path, ConfigKey key) {
    text(path, key);
    if (!path.startsWith("/")
        || path.startsWith("//")
        || path.contains("*")
        || path.contains("?")
        || path.contains("#")
        || path.contains("\\")) {
      throw new IllegalArgumentException(
          key.property()
              + ": '"
              + path
              + "' must be a path in the application, like /app/callback");
    }
    return path;
  }

  static Duration positive(Duration d, ConfigKey key) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(key.property() + ": must be positive");
    }
    return d;
  }

  /** Whether {@code value} is an absolute {@code http} or {@code https} URI with a host. */
  static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
