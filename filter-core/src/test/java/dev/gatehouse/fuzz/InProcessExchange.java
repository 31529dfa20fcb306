package dev.gatehouse.fuzz;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request through a {@link Filter} without a container or a socket, so that a fuzzer can run
 * thousands per second. The request and response are dynamic proxies that implement just what a
 * filter in front of an API reads and writes; anything else answers null, 0 or false.
 */
final class InProcessExchange {

  /** What came back: the status, the headers, and whether the application was reached. */
  record Outcome(int status, Map<String, String> headers, String body, boolean passed) {

    String challenge() {
      return headers.get("www-authenticate");
    }
  }

  private InProcessExchange() {}

  /**
   * {@code GET /api/echo} (or a form {@code POST} when {@code formBody} is not null) with these
   * {@code Authorization} header values and query string.
   *
   * @throws Exception whatever the filter lets escape; the fuzz tests treat any as a finding
   */
  static Outcome run(Filter filter, List<String> authorization, String query, String formBody)
      throws Exception {
    Map<String, Object> attributes = new HashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    StringWriter body = new StringWriter();
    PrintWriter writer = new PrintWriter(body);
    int[] status = {200};
    boolean[] passed = {false};

    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                InProcessExchange.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getHeaders" ->
                          "Authorization".equalsIgnoreCase((String) args[0])
                              ? Collections.enumeration(authorization)
                              : Collections.emptyEnumeration();
                      case "getHeader" ->
                          "Authorization".equalsIgnoreCase((String) args[0])
                                  && !authorization.isEmpty()
                              ? authorization.get(0)
                              : null;
                      case "getHeaderNames" ->
                          Collections.enumeration(
                              authorization.isEmpty() ? List.of() : List.of("Authorization"));
                      case "getMethod" -> formBody == null ? "GET" : "POST";
                      case "getContentType" ->
                          formBody == null ? null : "application/x-www-form-urlencoded";
                      case "getQueryString" -> query;
                      case "getRequestURI" -> "/api/echo";
                      case "getServletPath" -> "/api";
                      case "getPathInfo" -> "/echo";
                      case "getContextPath" -> "";
                      case "getScheme" -> "http";
                      case "getProtocol" -> "HTTP/1.1";
                      case "getParameterValues" ->
                          FormParameters.values(query, formBody, (String) args[0]);
                      case "getParameter" -> {
                        String[] all = FormParameters.values(query, formBody, (String) args[0]);
                        yield all == null ? null : all[0];
                      }
                      case "getAttribute" -> attributes.get((String) args[0]);
                      case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                      }
                      case "removeAttribute" -> {
                        attributes.remove((String) args[0]);
                        yield null;
                      }
                      case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      case "toString" -> "InProcessExchange.request";
                      default -> defaultValue(method.getReturnType());
                    });

    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                InProcessExchange.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "setStatus", "sendError" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                      }
                      case "getStatus" -> status[0];
                      case "setHeader", "addHeader" -> {
                        headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                        yield null;
                      }
                      case "getHeader" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                      case "containsHeader" ->
                          headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                      case "setContentType" -> {
                        headers.put("content-type", (String) args[0]);
                        yield null;
                      }
                      case "getWriter" -> writer;
                      case "isCommitted" -> false;
                      case "reset", "resetBuffer" -> {
                        headers.clear();
                        body.getBuffer().setLength(0);
                        status[0] = 200;
                        yield null;
                      }
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      case "toString" -> "InProcessExchange.response";
                      default -> defaultValue(method.getReturnType());
                    });

    FilterChain application = (req, res) -> passed[0] = true;
    filter.doFilter(request, response, application);
    writer.flush();
    return new Outcome(status[0], Map.copyOf(headers), body.toString(), passed[0]);
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }
}
