package dev.gatehouse.internal.sender;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The form in which a DPoP proof's {@code htu} and the request's URI are compared (RFC 9449 section
 * 4.3, check 9): the syntax-based normalisation of RFC 3986 section 6.2.2 plus the scheme-based one
 * of 6.2.3, with query and fragment dropped.
 *
 * <ul>
 *   <li>scheme and host in lower case; only {@code http} and {@code https};
 *   <li>the scheme's default port removed;
 *   <li>percent-encoded unreserved characters decoded, other escapes in upper-case hex;
 *   <li>dot segments removed (section 5.2.4), an empty path written as {@code /}.
 * </ul>
 *
 * A value that is not an absolute http(s) URI with a host, or that names user information, has no
 * normal form: it can never match, so a proof carrying it is refused.
 */
public final class TargetUri {

  private TargetUri() {}

  /** The normal form of {@code value}, or empty when it cannot be a target of this server. */
  public static Optional<String> normalize(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : 0;
    String host = uri.getHost();
    if (defaultPort == 0 || host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    int port = uri.getPort() == defaultPort ? -1 : uri.getPort();
    StringBuilder out =
        new StringBuilder(scheme).append("://").append(host.toLowerCase(Locale.ROOT));
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(removeDotSegments(decodeUnreserved(uri.getRawPath())));
    return Optional.of(out.toString());
  }

  /** Section 6.2.2.2: escapes of unreserved characters decoded, the others in upper-case hex. */
  private static String decodeUnreserved(String rawPath) {
    StringBuilder out = new StringBuilder(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      // java.net.URI has already refused a '%' not followed by two hex digits.
      int octet = Integer.parseInt(rawPath.substring(i + 1, i + 3), 16);
      if (isUnreserved(octet)) {
        out.append((char) octet);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", octet));
      }
      i += 2;
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** RFC 3986 section 5.2.4, on an absolute path (or an empty one, which becomes "/"). */
  static String removeDotSegments(String path) {
    String in = path;
    StringBuilder out = new StringBuilder(path.length() + 1);
    while (!in.isEmpty()) {
      if (in.startsWith("../")) {
        in = in.substring(3);
      } else if (in.startsWith("./")) {
        in = in.substring(2);
      } else if (in.startsWith("/./")) {
        in = in.substring(2);
      } else if (in.equals("/.")) {
        in = "/";
      } else if (in.startsWith("/../")) {
        in = in.substring(3);
        dropLastSegment(out);
      } else if (in.equals("/..")) {
        in = "/";
        dropLastSegment(out);
      } else if (in.equals(".") || in.equals("..")) {
        in = "";
      } else {
        int next = in.indexOf('/', 1);
        int end = next < 0 ? in.length() : next;
        out.append(in, 0, end);
        in = in.substring(end);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static void dropLastSegment(StringBuilder out) {
    int slash = out.lastIndexOf("/");
    out.setLength(Math.max(slash, 0));
  }
}
