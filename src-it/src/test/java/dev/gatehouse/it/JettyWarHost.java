package dev.gatehouse.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 (ee10) on 127.0.0.1, deploying one WAR file as a {@link WebAppContext} once per
 * application. jetty-ee10-annotations on the class path switches on the annotation scan that finds
 * {@code @WebFilter} and {@code @WebServlet}.
 */
final class JettyWarHost implements ProtectedApps {

  private final Path war;
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final ContextHandlerCollection contexts = new ContextHandlerCollection();

  JettyWarHost(Path war) throws Exception {
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
    // As in a standalone Jetty: initializers from the test class path (the demo's Weld) stay out.
    app.setAttribute(
        "org.eclipse.jetty.containerInitializerExclusionPattern", "org\\.jboss\\.weld\\..*");
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
