package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Embedded Jetty 12 (ee10) with one TLS connector that wants a client certificate, and the {@link
 * SecureRequestCustomizer} without which Jetty sets no certificate attribute.
 */
final class JettyTlsHost implements TlsHost {

  private final Server server = new Server();

  @Override
  public URI start(Map<String, String> settings, Path keyStore, Path trustStore, char[] password)
      throws Exception {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keyStore.toString());
    tls.setKeyStorePassword(new String(password));
    tls.setKeyStoreType("PKCS12");
    tls.setTrustStorePath(trustStore.toString());
    tls.setTrustStorePassword(new String(password));
    tls.setTrustStoreType("PKCS12");
    tls.setWantClientAuth(true);
    HttpConfiguration https = new HttpConfiguration();
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    FilterHolder filter = new FilterHolder(GatehouseFilter.class);
    filter.setInitParameters(settings);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new CertificateBoundApp()), CertificateBoundApp.MAPPING);
    server.setHandler(context);
    server.start();
    return URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
