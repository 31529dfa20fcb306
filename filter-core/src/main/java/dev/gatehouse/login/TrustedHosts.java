package dev.gatehouse.login;

import dev.gatehouse.config.ConfigKey;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code Host} a redirect target may be built from when no public base URL is configured. The
 * {@code Host} header is the client's to choose; building {@code redirect_uri} or the post-logout
 * target from any value would let a forged one pick where the provider sends the browser and its
 * code. So only the names the configuration lists are used, and without a list only the loopback
 * names a local demo or test runs on.
 */
final class TrustedHosts {

  /** Names that cannot be reached from another machine; any port. */
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private static final Pattern ENTRY =
      Pattern.compile(
          "(?<name>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
              + "|\\[[0-9a-f:.]+\\])(?::(?<port>[0-9]{1,5}))?");

  private TrustedHosts() {}

  /**
   * The configured entries in lower case.
   *
   * @throws IllegalArgumentException naming the setting when an entry is not {@code name} or {@code
   *     name:port}, or when a public base URL makes the list meaningless
   */
  static Set<String> checked(Set<String> hosts, boolean publicBaseUrl) {
    String property = ConfigKey.LOGIN_ALLOWED_HOSTS.property();
    if (!hosts.isEmpty() && publicBaseUrl) {
      throw new IllegalArgumentException(
          property
              + ": not used with "
              + ConfigKey.LOGIN_PUBLIC_BASE_URL.property()
              + ", which already fixes the origin; set one of them");
    }
    Set<String> entries = new LinkedHashSet<>();
    for (String host : hosts) {
      String entry = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches() || (m.group("port") != null && !validPort(m.group("port")))) {
        throw new IllegalArgumentException(
            property
                + ": '"
                + host
                + "' must be a host name as in the Host header, e.g. app.example.com or"
                + " app.example.com:8443 (no scheme, path or wildcard)");
      }
      entries.add(entry);
    }
    return entries;
  }

  /**
   * @param host the request's host as the container read it from {@code Host}, lower case, an IPv6
   *     literal in brackets
   */
  static boolean trusts(Set<String> allowed, String scheme, String host, int port) {
    if (allowed.isEmpty()) {
      return LOOPBACK.contains(host);
    }
    return allowed.contains(host + ":" + port)
        || (isDefaultPort(scheme, port) && allowed.contains(host));
  }

  static boolean isDefaultPort(String scheme, int port) {
    return port <= 0
        || ("http".equalsIgnoreCase(scheme) && port == 80)
        || ("https".equalsIgnoreCase(scheme) && port == 443);
  }

  private static boolean validPort(String port) {
    int p = Integer.parseInt(port);
    return p > 0 && p <= 65535;
  }
}
