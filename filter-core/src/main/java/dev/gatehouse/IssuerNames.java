package dev.gatehouse;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns configured issuer and key locations into checked URIs. */
public final class IssuerNames {

  private IssuerNames() {}

  /**
   * A URL stays exactly as written, because {@code iss} is compared as a string; a bare host name
   * becomes {@code https://host/}, the form Auth0 puts in {@code iss}.
   */
  static URI normalise(String issuer) {
    return normalise(issuer, "gatehouse.issuer");
  }

  /** As {@link #normalise(String)}, with errors naming {@code property}. */
  static URI normalise(String issuer, String property) {
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
        property + ": '" + uri + "' must use https"
            + (scheme.equals("http")
                ? " (plain http is accepted only on a loopback host with"
                    + " gatehouse.allow-insecure-loopback-http=true)"
                : ""));
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // never resolve a name here: DNS must not decide what counts as local
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
