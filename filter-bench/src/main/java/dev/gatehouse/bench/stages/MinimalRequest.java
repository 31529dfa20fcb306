package dev.gatehouse.bench.stages;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/orders} with one Authorization header (and, for DPoP, one DPoP header), for a
 * whole filter call without a server: the calls the filter makes are answered directly, any other
 * call reaches a proxy that fails the run, so an unexpected one shows.
 */
final class MinimalRequest extends HttpServletRequestWrapper {

  final Map<String, Object> attributes = new HashMap<>();
  private final String authorization;
  private final String proof;

  MinimalRequest(String authorization) {
    this(authorization, null);
  }

  /** With {@code proof} as the request's one DPoP header; null for none. */
  MinimalRequest(String authorization, String proof) {
    super(failingOnEveryCall(HttpServletRequest.class));
    this.authorization = authorization;
    this.proof = proof;
  }

  /** A response the filter must not touch: an admitted request writes nothing. */
  static HttpServletResponse failingResponse() {
    return new HttpServletResponseWrapper(failingOnEveryCall(HttpServletResponse.class));
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String value = getHeader(name);
    return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
  }

  @Override
  public String getHeader(String name) {
    if ("Authorization".equalsIgnoreCase(name)) {
      return authorization;
    }
    return "DPoP".equalsIgnoreCase(name) ? proof : null;
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST; // asked since error and async dispatches keep their decision
  }

  @Override
  public String getRequestURI() {
    return "/api/orders";
  }

  @Override
  public String getServletPath() {
    return "/api";
  }

  @Override
  public String getPathInfo() {
    return "/orders";
  }

  @Override
  public String getQueryString() {
    return null;
  }

  @Override
  public String getContentType() {
    return null;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  private static <T> T failingOnEveryCall(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              throw new IllegalStateException(
                  "the filter called "
                      + method.getName()
                      + ", which this benchmark does not answer");
            }));
  }
}
