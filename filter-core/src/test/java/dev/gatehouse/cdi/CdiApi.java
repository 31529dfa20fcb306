package dev.gatehouse.cdi;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.testing.JettyHarness;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container with the test beans, behind the real {@link GatehouseFilter} on {@code
 * /api/*} in embedded Jetty. Each HTTP request runs in its own CDI request context, bound to the
 * servlet request as Weld's servlet integration would bind it; the answer of a path is whatever its
 * route returns.
 */
final class CdiApi implements AutoCloseable {

  static final String ISSUER = "https://tenant.auth0.com/";

  private final WeldContainer container;
  private final JettyHarness jetty;
  private final Map<String, Supplier<Object>> routes = new ConcurrentHashMap<>();

  private CdiApi(Class<?>... beans) {
    container = TestWeld.with(beans).initialize();
    GatehouseConfig config =
        GatehouseConfig.forIssuer(ISSUER)
            .audiences(AUDIENCE)
            .publicKey(TestKeys.pem(TestKeys.RSA))
            .build();
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(
        new FilterHolder(new GatehouseFilter(config)),
        "/api/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new RoutesServlet()), "/*");
    try {
      jetty = JettyHarness.inMemory(context);
    } catch (IllegalStateException e) {
      container.shutdown();
      throw e;
    }
  }

  static CdiApi start(Class<?>... beans) {
    return new CdiApi(beans);
  }

  TestTokens tokens() {
    return new TestTokens(ISSUER);
  }

  <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  /** An instance made and injected as a servlet container makes servlets: outside CDI. */
  <T> T unmanaged(Class<T> type) {
    return new Unmanaged<>(container.getBeanManager(), type).newInstance().produce().inject().get();
  }

  /** A dynamic lookup through {@code CDI.current()}, with no injection point of the caller. */
  <T> T lookup(Class<T> type, Annotation qualifier) {
    return container.select(type, qualifier).get();
  }

  RequestContextController requestContext() {
    return container.select(RequestContextController.class).get();
  }

  /** What {@code GET path} answers (as text) when the filter lets the request through. */
  void route(String path, Supplier<Object> answer) {
    routes.put(path, answer);
  }

  Reply get(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(jetty.base().resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return new Reply(jetty.send(request.build()));
  }

  @Override
  public void close() {
    try {
      jetty.close();
    } finally {
      container.shutdown();
    }
  }

  /** Runs a route inside a request context bound to the servlet request. */
  private final class RoutesServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Supplier<Object> route = routes.get(request.getRequestURI());
      if (route == null) {
        response.sendError(404);
        return;
      }
      RequestContextController requestContext = requestContext();
      requestContext.activate();
      try {
        bean(CurrentRequest.class).bind(request);
        String answer = String.valueOf(route.get());
        response.setContentType("text/plain");
        response.getWriter().write(answer);
      } finally {
        requestContext.deactivate();
      }
    }
  }
}
