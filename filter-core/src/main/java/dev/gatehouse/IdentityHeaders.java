package dev.gatehouse;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request headers that carry the verified identity to code that reads headers rather than {@link
 * AccessToken#from}: the caller's name (the configured principal claim, {@code sub} by default),
 * the scopes (space-separated) and the client id.
 *
 * <p>Whenever this is switched on, a client request that carries any of these headers itself is
 * refused with 400 {@code invalid_request}, public paths included, so a client cannot forge them;
 * and every request the filter passes on answers them from the verified token only (or not at all),
 * in error and async dispatches too when the filter is mapped for them.
 */
public final class IdentityHeaders {

  public static final String DEFAULT_SUBJECT = "X-Auth-Subject";
  public static final String DEFAULT_SCOPES = "X-Auth-Scopes";
  public static final String DEFAULT_CLIENT_ID = "X-Auth-Client-Id";

  /**
   * Headers the filter or the container depend on; carrying the identity in them would break both.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "authorization",
          "cookie",
          "host",
          "content-type",
          "content-length",
          "origin",
          "transfer-encoding",
          "connection",
          "forwarded",
          "x-forwarded-for");

  private final String subject;
  private final String scopes;
  private final String clientId;

  private IdentityHeaders(String subject, String scopes, String clientId) {
    this.subject = subject;
    this.scopes = scopes;
    this.clientId = clientId;
  }

  /** {@value #DEFAULT_SUBJECT}, {@value #DEFAULT_SCOPES}, {@value #DEFAULT_CLIENT_ID}. */
  public static IdentityHeaders defaults() {
    return new IdentityHeaders(DEFAULT_SUBJECT, DEFAULT_SCOPES, DEFAULT_CLIENT_ID);
  }

  /**
   * @throws IllegalArgumentException when a name is not an HTTP field name, is reserved (such as
   *     {@code Authorization}) or is used twice
   */
  public static IdentityHeaders of(String subject, String scopes, String clientId) {
    String s = checked(subject, "gatehouse.identity-headers.subject");
    String sc = checked(scopes, "gatehouse.identity-headers.scopes");
    String c = checked(clientId, "gatehouse.identity-headers.client-id");
    if (Set.of(lower(s), lower(sc), lower(c)).size() != 3) {
      throw new IllegalArgumentException(
          "gatehouse.identity-headers: the subject, scopes and client-id headers must differ");
    }
    return new IdentityHeaders(s, sc, c);
  }

  public String subject() {
    return subject;
  }

  public String scopes() {
    return scopes;
  }

  public String clientId() {
    return clientId;
  }

  /** All three names, for stripping. */
  List<String> names() {
    return List.of(subject, scopes, clientId);
  }

  /** Whether {@code request} carries any of them, even with an empty value. */
  boolean presentIn(HttpServletRequest request) {
    for (String name : names()) {
      Enumeration<String> values = request.getHeaders(name);
      if (request.getHeader(name) != null || (values != null && values.hasMoreElements())) {
        return true;
      }
    }
    return false;
  }

  private static String checked(String name, String property) {
    if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException(property + ": '" + name + "' is not an HTTP header name");
    }
    if (RESERVED.contains(lower(name))) {
      throw new IllegalArgumentException(property + ": '" + name + "' is reserved");
    }
    return name;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "IdentityHeaders[" + subject + ", " + scopes + ", " + clientId + "]";
  }
}
