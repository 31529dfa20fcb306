package dev.gatehouse.testing;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.testing.ProtectedApi.Reply;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Gatehouse in front of a whole application, as a gateway would be: the filter on {@code /*} of
 * context {@code /app}, {@link EchoServlet} on {@code /api/*}, on {@code *.pdf} and as the default
 * servlet, and {@link HeaderEchoServlet} on {@code /headers/*}.
 */
public final class GatewayApp implements AutoCloseable {

  public static final String CONTEXT = "/app";

  private final JettyHarness jetty;
  private final ServletContextHandler context;
  private final URI base;

  private GatewayApp(FilterHolder filter) {
    context = new ServletContextHandler(CONTEXT);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(EchoServlet.class, "/api/*");
    context.addServlet(EchoServlet.class, "*.pdf");
    context.addServlet(EchoServlet.class, "/");
    context.addServlet(HeaderEchoServlet.class, "/headers/*");
    // On a socket: raw() writes paths byte for byte that no HTTP client would send.
    jetty = JettyHarness.onLoopback(context);
    base = URI.create("http://127.0.0.1:" + jetty.port() + CONTEXT);
  }

  public static GatewayApp start(GatehouseConfig config) {
    return new GatewayApp(new FilterHolder(new GatehouseFilter(config)));
  }

  public static GatewayApp startWithInitParams(Map<String, String> initParams) {
    FilterHolder holder = new FilterHolder(GatehouseFilter.class);
    holder.setInitParameters(initParams);
    return new GatewayApp(holder);
  }

  /** The application's servlet context attribute, e.g. the published revocation list. */
  public Object contextAttribute(String name) {
    return context.getServletContext().getAttribute(name);
  }

  /**
   * {@code path} is below the context, e.g. {@code /api/orders}; sent as written, not normalised.
   */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  public Reply get(String path) {
    return send(request(path));
  }

  public Reply get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token));
  }

  public Reply send(HttpRequest.Builder request) {
    return new Reply(jetty.send(request.build()));
  }

  /**
   * {@code GET} of {@code path} below the context, written byte for byte over a socket: for paths
   * an HTTP client would normalise or refuse to send ({@code ..}, {@code \}).
   */
  public RawHttp.Response raw(String path, String... headers) {
    return RawHttp.get(base.getPort(), CONTEXT + path, headers);
  }

  @Override
  public void close() {
    jetty.close();
  }
}
