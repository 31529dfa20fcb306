package dev.gatehouse.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12.1 with the ee11 environment (Servlet 6.1) on 127.0.0.1: src-it's {@code
 * JettyWarHost} with ee11's {@link WebAppContext}, which is another class in another package, so it
 * cannot be shared. jetty-ee11-annotations switches on the {@code @WebFilter} scan.
 */
final class Ee11WarHost implements ProtectedApps {

  private final Path war;
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final ContextHandlerCollection contexts = new ContextHandlerCollection();

  Ee11WarHost(Path war) throws Exception {
    this.war = war;
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(contexts);
    server.start();
  }

  @Override
  public URI start(String name, Map<String, String> settings) throws Exception {
    WebAppContext app = new WebAppContext();
    app.setContextPath("/" + name);
    app.setWar(war.toString());
    // A filter that refuses its settings fails the start instead of leaving a 503 context.
    app.setThrowUnavailableOnStartupException(true);
    DeploymentSettings.whileDeploying(
        settings,
        () -> {
          contexts.addHandler(app);
          if (!app.isStarted()) {
            app.start();
          }
        });
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/" + name);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
