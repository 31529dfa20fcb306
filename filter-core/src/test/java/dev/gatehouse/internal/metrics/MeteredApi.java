package dev.gatehouse.internal.metrics;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.testing.EchoServlet;
import dev.gatehouse.testing.JettyHarness;
import jakarta.servlet.DispatcherType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * A {@link GatehouseFilter} registered under a chosen filter name and context path in an embedded
 * Jetty, in front of {@link EchoServlet} on {@code /api/*}; its counters read back over JMX.
 */
final class MeteredApi implements AutoCloseable {

  private final JettyHarness jetty;
  private final URI base;
  private final String instance;

  private MeteredApi(FilterHolder filter, String contextPath, Map<String, Object> attributes) {
    ServletContextHandler context = new ServletContextHandler(contextPath);
    attributes.forEach(context::setAttribute);
    context.addFilter(filter, "/api/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(EchoServlet.class, "/api/*");
    jetty = JettyHarness.inMemory(context);
    base = jetty.base().resolve(contextPath.equals("/") ? "/" : contextPath + "/");
    String prefix = contextPath.equals("/") ? "" : contextPath.substring(1) + "/";
    instance = prefix + filter.getName();
  }

  /** The filter built in code, named {@code filterName}, at the root context. */
  static MeteredApi start(String filterName, GatehouseConfig config) {
    return start(filterName, "/", config, Map.of());
  }

  static MeteredApi start(
      String filterName, String contextPath, GatehouseConfig config, Map<String, Object> attrs) {
    FilterHolder holder = new FilterHolder(new GatehouseFilter(config));
    holder.setName(filterName);
    return new MeteredApi(holder, contextPath, attrs);
  }

  /** The filter created by the container from init-params, as from {@code web.xml}. */
  static MeteredApi startWithInitParams(String filterName, Map<String, String> initParams) {
    FilterHolder holder = new FilterHolder(GatehouseFilter.class);
    holder.setName(filterName);
    holder.setInitParameters(initParams);
    return new MeteredApi(holder, "/", Map.of());
  }

  /** {@code GET /api/<path>} with {@code Authorization: Bearer token}, or none when null. */
  int get(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("api/" + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return jetty.send(request.build()).statusCode();
  }

  /** The instance name the filter should have chosen when nothing else took it. */
  String expectedInstance() {
    return instance;
  }

  static ObjectName objectName(String instance) {
    try {
      return new ObjectName("dev.gatehouse:type=GatehouseFilter,name=" + instance);
    } catch (JMException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One counter of the filter registered under {@code instance}, read through JMX. */
  static long jmx(String instance, String attribute) {
    try {
      return (Long)
          ManagementFactory.getPlatformMBeanServer().getAttribute(objectName(instance), attribute);
    } catch (JMException e) {
      throw new AssertionError("cannot read " + attribute + " of " + instance, e);
    }
  }

  long jmx(String attribute) {
    return jmx(instance, attribute);
  }

  static boolean registered(String instance) {
    return ManagementFactory.getPlatformMBeanServer().isRegistered(objectName(instance));
  }

  /** Stops Jetty, which destroys the filter. */
  @Override
  public void close() {
    jetty.close();
  }
}
