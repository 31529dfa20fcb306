package dev.gatehouse.bench.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The benchmark servers' one connector: loopback, plain HTTP/1.1. */
final class LoopbackConnector {

  private LoopbackConnector() {}

  /**
   * {@code -Dbench.headerCacheSize=0} turns off Jetty's per-connection header field cache, which
   * churns when every request carries a different Authorization value (docs/performance.md).
   */
  static ServerConnector on(Server server, int port) {
    HttpConfiguration http = new HttpConfiguration();
    Integer headerCacheSize = Integer.getInteger("bench.headerCacheSize");
    if (headerCacheSize != null) {
      http.setHeaderCacheSize(headerCacheSize);
    }
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    return connector;
  }
}
