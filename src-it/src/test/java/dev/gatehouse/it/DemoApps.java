package dev.gatehouse.it;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.demo.DemoServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo ({@code filter-jetty-demo}), one server per application: the filter is registered in
 * code with a {@link GatehouseConfig} bound from the same settings the WARs get.
 */
final class DemoApps implements ProtectedApps {

  private final List<Server> servers = new ArrayList<>();

  @Override
  public URI start(String name, Map<String, String> settings) throws Exception {
    Map<String, String> all = new HashMap<>(settings);
    // What the WARs ship in web.xml or microprofile-config.properties, the demo gets in code.
    all.putIfAbsent("gatehouse.audiences", ClientTokens.AUDIENCE);
    GatehouseConfig config = new ConfigBinder(key -> Optional.ofNullable(all.get(key))).bind();
    Server server = DemoServer.create(0, config);
    servers.add(server);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://" + DemoServer.HOST + ":" + port);
  }

  @Override
  public void close() throws Exception {
    for (Server server : servers) {
      server.stop();
    }
  }
}
