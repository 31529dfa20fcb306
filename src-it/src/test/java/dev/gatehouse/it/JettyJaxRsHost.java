package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** {@link JaxRsApp} in embedded Jetty 12 (ee10) with its default URI compliance, on 127.0.0.1. */
final class JettyJaxRsHost implements JaxRsApp.Host {

  private final Server server = new Server();

  @Override
  public URI start(Map<String, String> settings) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(JaxRsApp.CONTEXT);
    FilterHolder filter = new FilterHolder(GatehouseFilter.class);
    filter.setInitParameters(settings);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(JaxRsApp.jersey()), JaxRsApp.JERSEY_MAPPING);
    context.addServlet(JaxRsApp.Anything.class, "/");
    server.setHandler(context);
    server.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + JaxRsApp.CONTEXT);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
