package dev.gatehouse.internal.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses setting strings; every failure names the property. Shared by every settings reader. */
public final class Values {

  private Values() {}

  /** Items separated by commas and/or whitespace; empty items dropped. */
  public static List<String> list(String value) {
    return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, ISO-8601 {@code PT30S}, or bare seconds.
   */
  public static Duration duration(String value, String property) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      if (v.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      }
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          property + ": '" + value + "' is not a duration (examples: 30s, 500ms, 5m, PT1H)");
    }
  }

  public static int integer(String value, String property) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + ": '" + value + "' is not a whole number");
    }
  }

  public static boolean bool(String value, String property) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(property + ": '" + value + "' must be true or false");
  }

  /**
   * A public base URL as proxies are configured: {@code http(s)://host[:port]} with at most a
   * trailing {@code /}, no path, query, fragment or user info.
   *
   * @param example an origin for the message, such as {@code https://api.example.com}
   * @throws IllegalArgumentException naming {@code property} otherwise
   */
  public static URI origin(URI origin, String property, String example) {
    String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
    String path = origin.getRawPath();
    if (!(scheme.equals("https") || scheme.equals("http"))
        || origin.getHost() == null
        || origin.getRawQuery() != null
        || origin.getRawFragment() != null
        || origin.getRawUserInfo() != null
        || (path != null && !path.isEmpty() && !path.equals("/"))) {
      throw new IllegalArgumentException(
          property
              + ": '"
              + origin
              + "' must be an origin such as "
              + example
              + " (no path or query)");
    }
    return origin;
  }
}
