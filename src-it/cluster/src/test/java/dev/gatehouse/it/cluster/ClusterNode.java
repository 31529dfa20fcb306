package dev.gatehouse.it.cluster;

import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One node of the cluster under test, run in a JVM of its own: a Jetty 12 serving the cluster WAR
 * at {@code /} on 127.0.0.1. Every Gatehouse setting comes from system properties, as a real node
 * gets them; Jetty opens its port only after the WAR (and with it the Hazelcast member) started.
 *
 * <p>Arguments: the WAR file, the HTTP port.
 */
public final class ClusterNode {

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[1]));
    server.addConnector(connector);
    WebAppContext app = new WebAppContext();
    app.setContextPath("/");
    app.setWar(Path.of(args[0]).toString());
    app.setThrowUnavailableOnStartupException(true);
    server.setHandler(app);
    server.setStopAtShutdown(true);
    server.start();
    server.join();
  }
}
