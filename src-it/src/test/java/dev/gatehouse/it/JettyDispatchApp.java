package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** {@link DispatchApp} in embedded Jetty 12 (ee10) on 127.0.0.1. */
final class JettyDispatchApp implements DispatchApp {

  private Server server;

  @Override
  public URI start(Set<DispatcherType> filterDispatch, Map<String, String> settings)
      throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(CONTEXT);
    FilterHolder filter = new FilterHolder(GatehouseFilter.class);
    filter.setInitParameters(settings);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.copyOf(filterDispatch));
    context.addServlet(Missing.class, "/api/missing");
    ServletHolder async = new ServletHolder(Async.class);
    async.setAsyncSupported(true);
    context.addServlet(async, "/api/async");
    context.addServlet(Seen.class, "/error");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(404, "/error");
    context.setErrorHandler(errors);
    server.setHandler(context);
    server.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + CONTEXT);
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      server.stop();
    }
  }
}
