package dev.gatehouse.authz;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Minimal requests for unit tests: method, servlet path, path info and headers only; the request
 * URI is the two paths joined, as a container gives it for a path without escapes.
 */
final class Requests {

  private Requests() {}

  static HttpServletRequest request(
      String method, String servletPath, String pathInfo, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            Requests.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getServletPath" -> servletPath;
                  case "getPathInfo" -> pathInfo;
                  case "getRequestURI" -> servletPath + (pathInfo == null ? "" : pathInfo);
                  case "getHeader" -> headers.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  static HttpServletRequest request(String method, String path) {
    return request(method, path, null, Map.of());
  }
}
