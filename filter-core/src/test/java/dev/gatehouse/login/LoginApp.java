package dev.gatehouse.login;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.testing.EchoServlet;
import dev.gatehouse.testing.HeaderEchoServlet;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@link GatehouseLoginFilter} in an embedded Jetty 12 on 127.0.0.1, mapped on {@code /app/*} in
 * front of {@link EchoServlet} ({@link HeaderEchoServlet} on {@code /app/headers/*}), under the
 * context path {@value #CONTEXT}.
 */
final class LoginApp implements AutoCloseable {

  static final String CONTEXT = "/shop";

  private final Server server;
  private final URI base;

  private LoginApp(GatehouseConfig api, LoginConfig login) {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context =
        new ServletContextHandler(CONTEXT, ServletContextHandler.SESSIONS);
    context.addFilter(
        new FilterHolder(new GatehouseLoginFilter(api, login)),
        "/app/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(EchoServlet.class, "/app/*");
    context.addServlet(HeaderEchoServlet.class, "/app/headers/*");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  static LoginApp start(GatehouseConfig api, LoginConfig login) {
    return new LoginApp(api, login);
  }

  /** {@code http://127.0.0.1:port/shop} + {@code path}. */
  URI uri(String path) {
    return URI.create(base + CONTEXT + path);
  }

  String origin() {
    return base.toString();
  }

  int port() {
    return base.getPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
