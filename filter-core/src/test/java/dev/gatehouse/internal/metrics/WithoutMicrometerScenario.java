package dev.gatehouse.internal.metrics;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Run inside {@link WithoutMicrometerTest}'s class loader, which hides Micrometer: starts a filter
 * in a hand-made container, sends one valid and one token-less request, and leaves the filter
 * running until {@link #close()}. Talks to the test only through JDK types.
 */
public final class WithoutMicrometerScenario implements Callable<String>, AutoCloseable {

  static final String FILTER_NAME = "no-micrometer";
  private static final String ISSUER = "https://tenant.example.auth0.com/";

  private final GatehouseFilter filter =
      new GatehouseFilter(
          GatehouseConfig.forIssuer(ISSUER)
              .audiences(AUDIENCE)
              .publicKey(TestKeys.pem(TestKeys.RSA))
              .build());

  /** The statuses of the two requests, e.g. {@code 200,401}. */
  @Override
  public String call() throws Exception {
    filter.init(filterConfig());
    int accepted = send("Bearer " + new TestTokens(ISSUER).valid().build());
    int refused = send(null);
    return accepted + "," + refused;
  }

  @Override
  public void close() {
    filter.destroy();
  }

  private int send(String authorization) throws Exception {
    List<String> headers = authorization == null ? List.of() : List.of(authorization);
    HttpServletRequest request =
        proxy(
            HttpServletRequest.class,
            (method, args) ->
                switch (method) {
                  case "getHeaders" -> Collections.enumeration(headers);
                  case "getHeader" -> headers.isEmpty() ? null : headers.get(0);
                  case "getMethod" -> "GET";
                  case "getRequestURI" -> "/api/echo";
                  case "getServletPath" -> "/api";
                  case "getPathInfo" -> "/echo";
                  case "getContextPath" -> "";
                  default -> null;
                });
    int[] status = {200};
    PrintWriter writer = new PrintWriter(new StringWriter());
    HttpServletResponse response =
        proxy(
            HttpServletResponse.class,
            (method, args) -> {
              switch (method) {
                case "setStatus" -> status[0] = (Integer) args[0];
                case "getStatus" -> {
                  return status[0];
                }
                case "getWriter" -> {
                  return writer;
                }
                default -> {}
              }
              return null;
            });
    filter.doFilter(request, response, (rq, rs) -> {});
    return status[0];
  }

  private static FilterConfig filterConfig() {
    ServletContext context =
        proxy(ServletContext.class, (method, args) -> method.equals("getContextPath") ? "" : null);
    return proxy(
        FilterConfig.class,
        (method, args) ->
            switch (method) {
              case "getFilterName" -> FILTER_NAME;
              case "getServletContext" -> context;
              case "getInitParameterNames" -> Collections.emptyEnumeration();
              default -> null;
            });
  }

  /** What the filter calls; anything not answered gives the type's zero value. */
  private interface Answers {
    Object answer(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answers answers) {
    return type.cast(
        Proxy.newProxyInstance(
            WithoutMicrometerScenario.class.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              Object value = answers.answer(method.getName(), args);
              if (value != null || !method.getReturnType().isPrimitive()) {
                return value;
              }
              Class<?> r = method.getReturnType();
              return r == boolean.class ? Boolean.FALSE : r == void.class ? null : (Object) 0;
            }));
  }
}
