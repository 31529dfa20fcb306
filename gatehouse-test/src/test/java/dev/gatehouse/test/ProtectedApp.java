package dev.gatehouse.test;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** GatehouseFilter (or nothing, for the catalogue's own test) in front of a servlet on Jetty 12. */
final class ProtectedApp implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Server server = new Server();
  private final URI api;

  private ProtectedApp(FilterHolder filter) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    if (filter != null) {
      context.addFilter(filter, "/api/*", EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(CallerServlet.class, "/api/*");
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    api = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/me");
  }

  static ProtectedApp withInitParams(Map<String, String> settings) throws Exception {
    FilterHolder holder = new FilterHolder(GatehouseFilter.class);
    holder.setInitParameters(settings);
    return new ProtectedApp(holder);
  }

  static ProtectedApp withConfig(GatehouseConfig config) throws Exception {
    return new ProtectedApp(new FilterHolder(new GatehouseFilter(config)));
  }

  /** No filter at all: what a misconfigured deployment looks like. */
  static ProtectedApp unprotected() throws Exception {
    return new ProtectedApp(null);
  }

  URI api() {
    return api;
  }

  HttpResponse<String> get(String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api)
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The token presented with the DPoP scheme and its proof (RFC 9449 section 7.1). */
  HttpResponse<String> getWithDpop(String token, String proof) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api)
            .header("Authorization", "DPoP " + token)
            .header("DPoP", proof)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Answers with the caller's name, so a test sees whom Gatehouse let through. */
  public static class CallerServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write(String.valueOf(request.getRemoteUser()));
    }
  }
}
