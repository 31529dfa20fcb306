package dev.gatehouse.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The request as the bearer filter sees it when a session stands in for the token: it carries the
 * session's access token in {@code Authorization: Bearer}, so that verification, {@code
 * AccessToken}, principal and scopes come from exactly the bearer code path. Only made for requests
 * that carried no {@code Authorization} header of their own.
 */
final class SessionBearerRequest extends HttpServletRequestWrapper {

  private static final String AUTHORIZATION = "Authorization";

  private final String credentials;

  SessionBearerRequest(HttpServletRequest request, String accessToken) {
    super(request);
    this.credentials = "Bearer " + accessToken;
  }

  @Override
  public @Nullable String getHeader(String name) {
    return AUTHORIZATION.equalsIgnoreCase(name) ? credentials : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return AUTHORIZATION.equalsIgnoreCase(name)
        ? Collections.enumeration(List.of(credentials))
        : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    Enumeration<String> original = super.getHeaderNames();
    if (original != null) {
      names.addAll(Collections.list(original));
    }
    names.add(AUTHORIZATION);
    return Collections.enumeration(names);
  }
}
