package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat with one TLS connector, {@code certificateVerification="optional"}. */
final class TomcatTlsHost implements TlsHost {

  private final Tomcat tomcat = new Tomcat();
  private Path baseDir;

  @Override
  public URI start(Map<String, String> settings, Path keyStore, Path trustStore, char[] password)
      throws Exception {
    baseDir = Files.createTempDirectory("gatehouse-it-tls");
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setScheme("https");
    connector.setSecure(true);
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig tls = new SSLHostConfig();
    tls.setCertificateVerification("optional");
    tls.setTruststoreFile(trustStore.toString());
    tls.setTruststorePassword(new String(password));
    tls.setTruststoreType("PKCS12");
    SSLHostConfigCertificate certificate =
        new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.RSA);
    certificate.setCertificateKeystoreFile(keyStore.toString());
    certificate.setCertificateKeystorePassword(new String(password));
    certificate.setCertificateKeystoreType("PKCS12");
    tls.addCertificate(certificate);
    connector.addSslHostConfig(tls);
    tomcat.setConnector(connector);

    Context context = tomcat.addContext("", baseDir.toString());
    FilterDef filter = new FilterDef();
    filter.setFilterName("gatehouse");
    filter.setFilterClass(GatehouseFilter.class.getName());
    settings.forEach(filter::addInitParameter);
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("gatehouse");
    mapping.addURLPatternDecoded("/*");
    context.addFilterMap(mapping);
    Tomcat.addServlet(context, "app", new CertificateBoundApp());
    context.addServletMappingDecoded(CertificateBoundApp.MAPPING, "app");
    tomcat.start();
    if (context.getState() != LifecycleState.STARTED) {
      throw new IllegalStateException("Tomcat did not start the TLS application (see the log)");
    }
    return URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  @Override
  public void close() throws Exception {
    try {
      tomcat.stop();
      tomcat.destroy();
    } finally {
      try (var paths = Files.walk(baseDir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
