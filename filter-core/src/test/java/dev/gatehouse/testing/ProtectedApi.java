package dev.gatehouse.testing;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * The real {@link GatehouseFilter} in an embedded Jetty 12, in memory ({@link
 * JettyHarness#inMemory}), in front of {@link EchoServlet} on {@code /api/*}, called with {@link
 * HttpRequest}s: what the filter decides does not depend on a socket.
 */
public final class ProtectedApi implements AutoCloseable {

  private final JettyHarness jetty;

  private ProtectedApi(FilterHolder filter) {
    this(filter, "/api/*", false);
  }

  private ProtectedApi(FilterHolder filter, String filterMapping, boolean loopback) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(filter, filterMapping, EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(EchoServlet.class, "/api/*");
    jetty = loopback ? JettyHarness.onLoopback(context) : JettyHarness.inMemory(context);
  }

  /**
   * The filter on every path ({@code /*}), on a loopback socket: requests come from {@code
   * 127.0.0.1}, as from a proxy on the same machine, and paths outside {@code /api} (the well-known
   * metadata) reach it.
   */
  public static ProtectedApi startOnLoopback(GatehouseConfig config) {
    return startOnLoopbackWith(new GatehouseFilter(config));
  }

  /** As {@link #startOnLoopback}, with this filter instance. */
  public static ProtectedApi startOnLoopbackWith(jakarta.servlet.Filter filter) {
    return new ProtectedApi(new FilterHolder(filter), "/*", true);
  }

  /** The filter built in code from {@code config}. */
  public static ProtectedApi start(GatehouseConfig config) {
    return new ProtectedApi(new FilterHolder(new GatehouseFilter(config)));
  }

  /** This filter instance, e.g. a subclass that calls another entry point of the filter. */
  public static ProtectedApi startWith(jakarta.servlet.Filter filter) {
    return new ProtectedApi(new FilterHolder(filter));
  }

  /** The filter created by the container and configured with init-params. */
  public static ProtectedApi startWithInitParams(Map<String, String> initParams) {
    FilterHolder holder = new FilterHolder(GatehouseFilter.class);
    holder.setInitParameters(initParams);
    return new ProtectedApi(holder);
  }

  public URI uri(String pathAndQuery) {
    return jetty.base().resolve(pathAndQuery);
  }

  /** {@code GET /api/echo} with {@code Authorization: Bearer token}. */
  public Reply get(String token) {
    return send(request("/api/echo").header("Authorization", "Bearer " + token));
  }

  public Reply get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token));
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
  }

  public Reply send(HttpRequest.Builder request) {
    return new Reply(jetty.send(request.build()));
  }

  @Override
  public void close() {
    jetty.close();
  }

  /** One HTTP answer, with the accessors the assertions need. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    /** The one value of {@code name}; null when absent. Fails when the header is repeated. */
    public String header(String name) {
      var values = response.headers().allValues(name);
      if (values.size() > 1) {
        throw new AssertionError(name + " sent " + values.size() + " times");
      }
      return values.isEmpty() ? null : values.get(0);
    }

    public String challenge() {
      return header("WWW-Authenticate");
    }

    /** The {@link EchoServlet} lines as a map. */
    public Map<String, String> echo() {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : body().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return values;
    }

    @Override
    public String toString() {
      return "HTTP " + status() + " " + response.headers().map();
    }
  }
}
