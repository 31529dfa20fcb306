package dev.gatehouse.internal.extract;

import dev.gatehouse.error.AuthScheme;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * RFC 6750 section 2: the {@code Authorization: Bearer} header, and, only when switched on, the
 * {@code access_token} form field or query parameter; with DPoP on, also {@code Authorization:
 * DPoP} (RFC 9449 section 7.1). A token in two places, or with two schemes, is refused.
 */
public final class RequestTokenExtractor implements BearerTokenExtractor {

  static final String PARAMETER = "access_token";
  private static final String SCHEME = "bearer";
  private static final String DPOP_SCHEME = "dpop";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private final boolean queryParameter;
  private final boolean formParameter;
  private final int maxLength;
  private final boolean opaqueTokens;
  private final boolean dpopScheme;

  public RequestTokenExtractor(boolean queryParameter, boolean formParameter, int maxLength) {
    this(queryParameter, formParameter, maxLength, false);
  }

  public RequestTokenExtractor(
      boolean queryParameter, boolean formParameter, int maxLength, boolean opaqueTokens) {
    this(queryParameter, formParameter, maxLength, opaqueTokens, false);
  }

  /**
   * @param opaqueTokens also pass on tokens that are not shaped as JWTs (to be introspected),
   *     instead of refusing them as malformed
   * @param dpopScheme also read {@code Authorization: DPoP}; otherwise that scheme is not ours
   */
  public RequestTokenExtractor(
      boolean queryParameter,
      boolean formParameter,
      int maxLength,
      boolean opaqueTokens,
      boolean dpopScheme) {
    this.queryParameter = queryParameter;
    this.formParameter = formParameter;
    this.maxLength = maxLength;
    this.opaqueTokens = opaqueTokens;
    this.dpopScheme = dpopScheme;
  }

  @Override
  public Optional<String> extract(HttpServletRequest request) {
    return present(request).map(PresentedToken::value);
  }

  /**
   * As {@link #extract}, with the scheme the token came with.
   *
   * @throws BearerTokenException {@code MULTIPLE_TOKENS} for two {@code Authorization} headers, or
   *     a header and a parameter, whatever their schemes
   */
  public Optional<PresentedToken> present(HttpServletRequest request) {
    PresentedToken header = fromHeader(request);
    String fromHeader = header == null ? null : header.value();
    AuthScheme scheme = header == null ? AuthScheme.BEARER : header.scheme();
    String token = fromHeader;
    if (queryParameter || formParameter) {
      List<String> fromParameters = fromParameters(request);
      int found = fromParameters.size() + (fromHeader == null ? 0 : 1);
      if (found > 1) {
        throw new BearerTokenException(Rejection.MULTIPLE_TOKENS);
      }
      if (fromHeader == null && found == 1) {
        token = fromParameters.get(0);
      }
    }
    if (token == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PresentedToken(
            scheme,
            opaqueTokens
                ? TokenSyntax.checkB64Token(token, maxLength)
                : TokenSyntax.check(token, maxLength)));
  }

  /** The token of the one {@code Authorization} header of a scheme of ours; null without one. */
  private @Nullable PresentedToken fromHeader(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders("Authorization");
    if (headers == null || !headers.hasMoreElements()) {
      return null;
    }
    String value = headers.nextElement();
    if (headers.hasMoreElements()) {
      throw new BearerTokenException(Rejection.MULTIPLE_TOKENS);
    }
    if (value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return new PresentedToken(AuthScheme.BEARER, credential(value, SCHEME));
    }
    if (dpopScheme && value.regionMatches(true, 0, DPOP_SCHEME, 0, DPOP_SCHEME.length())) {
      return new PresentedToken(AuthScheme.DPOP, credential(value, DPOP_SCHEME));
    }
    return null; // another scheme (Basic, or DPoP when it is off) is not ours to judge
  }

  private static String credential(String value, String scheme) {
    if (value.length() == scheme.length() || value.charAt(scheme.length()) != ' ') {
      throw new BearerTokenException(Rejection.MALFORMED_AUTHORIZATION);
    }
    return value.substring(scheme.length() + 1).strip();
  }

  private List<String> fromParameters(HttpServletRequest request) {
    List<String> inQuery = queryValues(request.getQueryString());
    List<String> found = new ArrayList<>(queryParameter ? inQuery : List.of());
    if (formParameter && isForm(request)) {
      String[] all = request.getParameterValues(PARAMETER);
      // Servlet 6.0 section 3.1: query-string values come before body values.
      for (int i = inQuery.size(); all != null && i < all.length; i++) {
        found.add(all[i]);
      }
    }
    return found;
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equalsIgnoreCase(request.getMethod())
        && type != null
        && type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length());
  }

  private static List<String> queryValues(@Nullable String query) {
    if (query == null || query.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(1);
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      // Compared decoded, as the container does: its parameter list must line up with ours.
      if (isTokenParameter(eq < 0 ? pair : pair.substring(0, eq))) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static boolean isTokenParameter(String rawName) {
    try {
      return PARAMETER.equals(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException badEscape) {
      return false;
    }
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw new BearerTokenException(Rejection.MALFORMED_AUTHORIZATION);
    }
  }
}
