package dev.gatehouse.internal.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Turns configured issuer and key locations into checked URIs. */
public final class IssuerNames {

  private IssuerNames() {}

  /**
   * A URL stays exactly as written, because {@code iss} is compared as a string; a bare host name
   * becomes {@code https://host/}, the form Auth0 puts in {@code iss}.
   */
  public static URI normalise(String issuer) {
    return normalise(issuer, "gatehouse.issuer");
  }

  /** As {@link #normalise(String)}, with errors naming {@code property}. */
  public static URI normalise(String issuer, String property) {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException(property + ": an issuer is required");
    }
    String value = issuer.trim();
    if (!value.contains("://")) {
      if (value.contains("/") || value.contains("?") || value.contains("#")) {
        throw new IllegalArgumentException(
            property + ": '" + value + "' is neither a URL nor a bare host name");
      }
      value = "https://" + value + "/";
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            property + ": '" + value + "' needs a host and no query or fragment");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(property + ": '" + value + "' is not a valid URL");
    }
  }

  /** Where OpenID Connect Discovery 1.0 section 4 says the issuer's metadata lives. */
  public static URI discoveryDocument(URI issuer) {
    String base = issuer.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/.well-known/openid-configuration");
  }

  /**
   * Where the Shared Signals Framework 1.0 says a transmitter's configuration lives: {@code
   * /.well-known/ssf-configuration} inserted between the issuer's host and its path, if any (as RFC
   * 8414 does for authorization servers).
   */
  public static URI sharedSignalsConfiguration(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(
        issuer.getScheme()
            + "://"
            + issuer.getRawAuthority()
            + "/.well-known/ssf-configuration"
            + path);
  }

  /**
   * Requires {@code https}, or {@code http} on a loopback host when that was allowed.
   *
   * @throws IllegalArgumentException naming {@code property}
   */
  public static void requireFetchable(URI uri, boolean insecureLoopbackHttp, String property) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && insecureLoopbackHttp && isLoopback(uri.getHost())) {
      return;
    }
    throw new IllegalArgumentException(
        property
            + ": '"
            + uri
            + "' must use https"
            + (scheme.equals("http")
                ? " (plain http is accepted only on a loopback host with"
                    + " gatehouse.allow-insecure-loopback-http=true)"
                : ""));
  }

  /**
   * Decided from the text alone, never by resolving: a name that resolves to 127.0.0.1 today (a
   * hosts file, a search domain, a rebinding DNS answer) may connect anywhere tomorrow. So only
   * {@code localhost}, a dotted-quad literal in 127.0.0.0/8 and a bracketed IPv6 literal equal to
   * ::1 count. Numeric spellings such as {@code 2130706433} are refused because URL parsers
   * disagree about them.
   */
  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return isIpv6Loopback(host.substring(1, host.length() - 1));
    }
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /** ::1 in any of its spellings: every group zero but the last, which is one. */
  private static boolean isIpv6Loopback(String literal) {
    if (!literal.matches("[0-9a-fA-F:]+") || literal.indexOf("::") != literal.lastIndexOf("::")) {
      return false;
    }
    String[] halves = literal.split("::", -1);
    List<String> groups = new ArrayList<>(groups(halves[0]));
    if (halves.length == 2) {
      List<String> tail = groups(halves[1]);
      int missing = 8 - groups.size() - tail.size();
      if (missing < 1) {
        return false;
      }
      groups.addAll(Collections.nCopies(missing, "0"));
      groups.addAll(tail);
    }
    if (groups.size() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      String g = groups.get(i);
      if (g.isEmpty() || g.length() > 4 || Integer.parseInt(g, 16) != (i == 7 ? 1 : 0)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> groups(String part) {
    return part.isEmpty() ? List.of() : List.of(part.split(":", -1));
  }
}
