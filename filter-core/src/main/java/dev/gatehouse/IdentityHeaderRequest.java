package dev.gatehouse;

import dev.gatehouse.token.AccessToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hides the client's copies of the identity headers and, for an authenticated request, answers them
 * from the verified token instead.
 */
final class IdentityHeaderRequest extends HttpServletRequestWrapper {

  /** Header name as configured to its value; a name without a value is only hidden. */
  private final Map<String, String> values;

  private IdentityHeaderRequest(HttpServletRequest request, Map<String, String> values) {
    super(request);
    this.values = values;
  }

  /** The request without any of the client's identity headers. */
  static HttpServletRequest stripped(HttpServletRequest request, IdentityHeaders headers) {
    Map<String, String> v = new LinkedHashMap<>();
    headers.names().forEach(n -> v.put(n, null));
    return new IdentityHeaderRequest(request, v);
  }

  /**
   * The request with the identity headers taken from {@code token}, and only from it.
   *
   * @param subject the principal claim's value in {@code token} ({@code sub} unless configured),
   *     null when it has none: the client id never stands in for it here
   */
  static HttpServletRequest carrying(
      HttpServletRequest request,
      IdentityHeaders headers,
      AccessToken token,
      @Nullable String subject) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(headers.subject(), subject);
    v.put(headers.scopes(), token.scopes().isEmpty() ? null : String.join(" ", token.scopes()));
    v.put(headers.clientId(), token.clientId().orElse(null));
    // Legacy code may copy these onward into other requests: no control characters.
    v.replaceAll((name, value) -> value == null || !safe(value) ? null : value);
    return new IdentityHeaderRequest(request, v);
  }

  private static boolean safe(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
  }

  /** The configured name matching {@code name} case-insensitively, or null. */
  private @Nullable String ours(@Nullable String name) {
    if (name != null) {
      for (String n : values.keySet()) {
        if (n.equalsIgnoreCase(name)) {
          return n;
        }
      }
    }
    return null;
  }

  @Override
  public @Nullable String getHeader(String name) {
    String n = ours(name);
    return n == null ? super.getHeader(name) : values.get(n);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String n = ours(name);
    if (n == null) {
      return super.getHeaders(name);
    }
    String value = values.get(n);
    return Collections.enumeration(value == null ? List.of() : List.of(value));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    Enumeration<String> all = super.getHeaderNames();
    while (all != null && all.hasMoreElements()) {
      String n = all.nextElement();
      if (ours(n) == null) {
        names.add(n);
      }
    }
    values.forEach(
        (n, v) -> {
          if (v != null) {
            names.add(n);
          }
        });
    return Collections.enumeration(names);
  }

  @Override
  public int getIntHeader(String name) {
    String n = ours(name);
    if (n == null) {
      return super.getIntHeader(name);
    }
    String value = values.get(n);
    return value == null ? -1 : Integer.parseInt(value); // NumberFormatException, as the API says
  }

  @Override
  public long getDateHeader(String name) {
    String n = ours(name);
    if (n == null) {
      return super.getDateHeader(name);
    }
    if (values.get(n) == null) {
      return -1;
    }
    throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT) + " is not a date");
  }
}
