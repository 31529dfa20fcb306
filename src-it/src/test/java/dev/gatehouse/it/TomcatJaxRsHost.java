package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.IntrospectionUtils;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** {@link JaxRsApp} in embedded Tomcat 10.1 on 127.0.0.1. */
final class TomcatJaxRsHost implements JaxRsApp.Host {

  private final Tomcat tomcat = new Tomcat();
  private final Map<String, String> connectorProperties;
  private Path baseDir;

  /** With the connector's defaults. */
  TomcatJaxRsHost() {
    this(Map.of());
  }

  /** With these connector attributes, e.g. {@code encodedSolidusHandling=decode}. */
  TomcatJaxRsHost(Map<String, String> connectorProperties) {
    this.connectorProperties = Map.copyOf(connectorProperties);
  }

  @Override
  public URI start(Map<String, String> settings) throws Exception {
    baseDir = Files.createTempDirectory("gatehouse-it-paths");
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    // Connector attributes such as encodedSolidusHandling, set as server.xml would.
    connectorProperties.forEach(
        (name, value) -> {
          if (!IntrospectionUtils.setProperty(tomcat.getConnector(), name, value)) {
            throw new IllegalArgumentException("no connector attribute " + name);
          }
        });
    Context context = tomcat.addContext(JaxRsApp.CONTEXT, baseDir.toString());
    FilterDef filter = new FilterDef();
    filter.setFilterName("gatehouse");
    filter.setFilterClass(GatehouseFilter.class.getName());
    settings.forEach(filter::addInitParameter);
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("gatehouse");
    mapping.addURLPatternDecoded("/*");
    context.addFilterMap(mapping);
    Tomcat.addServlet(context, "jersey", JaxRsApp.jersey());
    context.addServletMappingDecoded(JaxRsApp.JERSEY_MAPPING, "jersey");
    Tomcat.addServlet(context, "anything", new JaxRsApp.Anything());
    context.addServletMappingDecoded("/", "anything");
    tomcat.start();
    if (context.getState() != LifecycleState.STARTED) {
      throw new IllegalStateException(
          "Tomcat did not start " + JaxRsApp.CONTEXT + " (see the log)");
    }
    return URI.create(
        "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + JaxRsApp.CONTEXT);
  }

  @Override
  public void close() throws Exception {
    try {
      tomcat.stop();
      tomcat.destroy();
    } finally {
      try (var paths = Files.walk(baseDir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
