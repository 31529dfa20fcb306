package dev.gatehouse.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.testing.Steps;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The metadata a discovery document yields, for the bearer filter and the browser login. */
class ProviderDiscoveryTest {

  /** Serves {@code document(issuer)} as the discovery document and counts the requests. */
  private static final class Provider implements AutoCloseable {
    final HttpServer server;
    final String issuer;
    final AtomicInteger requests = new AtomicInteger();

    Provider(Function<String, String> document) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      server.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            byte[] body = document.apply(issuer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    ProviderDiscovery discovery() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(issuer).audiences("api").allowInsecureLoopbackHttp().build();
      return ProviderDiscovery.create(Steps.provider(config), config.clock());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void metadataWhenTheDocumentNamesLoginEndpointsThenAllAreExposedAndFetchedOnce()
      throws Exception {
    try (Provider p =
        new Provider(
            i ->
                "{\"issuer\":\""
                    + i
                    + "\",\"jwks_uri\":\""
                    + i
                    + "jwks\","
                    + "\"authorization_endpoint\":\""
                    + i
                    + "authorize\",\"token_endpoint\":\""
                    + i
                    + "oauth/token\",\"end_session_endpoint\":\""
                    + i
                    + "oidc/logout\"}")) {
      ProviderDiscovery discovery = p.discovery();

      ProviderMetadata metadata = discovery.metadata();

      assertEquals(URI.create(p.issuer), metadata.issuer());
      assertEquals(URI.create(p.issuer + "jwks"), metadata.jwksUri());
      assertEquals(
          Optional.of(URI.create(p.issuer + "authorize")), metadata.authorizationEndpoint());
      assertEquals(Optional.of(URI.create(p.issuer + "oauth/token")), metadata.tokenEndpoint());
      assertEquals(
          Optional.of(URI.create(p.issuer + "oidc/logout")), metadata.endSessionEndpoint());
      assertEquals(metadata, discovery.metadata());
      assertEquals(1, p.requests.get());
    }
  }

  @Test
  void metadataWhenOnlyJwksIsNamedThenTheLoginEndpointsAreEmpty() throws Exception {
    try (Provider p =
        new Provider(i -> "{\"issuer\":\"" + i + "\",\"jwks_uri\":\"" + i + "jwks\"}")) {
      ProviderMetadata metadata = p.discovery().metadata();

      assertEquals(Optional.empty(), metadata.authorizationEndpoint());
      assertEquals(Optional.empty(), metadata.tokenEndpoint());
      assertEquals(Optional.empty(), metadata.endSessionEndpoint());
    }
  }

  @Test
  void metadataWhenALoginEndpointIsPlainHttpOnAnotherHostThenItIsLeftOutButJwksStillWorks()
      throws Exception {
    try (Provider p =
        new Provider(
            i ->
                "{\"issuer\":\""
                    + i
                    + "\",\"jwks_uri\":\""
                    + i
                    + "jwks\","
                    + "\"token_endpoint\":\"http://evil.example/token\",\"authorization_endpoint\":42}")) {
      ProviderMetadata metadata = p.discovery().metadata();

      assertEquals(Optional.empty(), metadata.tokenEndpoint());
      assertEquals(Optional.empty(), metadata.authorizationEndpoint());
      assertEquals(URI.create(p.issuer + "jwks"), metadata.jwksUri());
    }
  }

  @Test
  void metadataWhenTheIssuerDiffersThenUnavailable() throws Exception {
    try (Provider p =
        new Provider(
            i -> "{\"issuer\":\"https://evil.example/\",\"jwks_uri\":\"" + i + "jwks\"}")) {
      ProviderUnavailableException e =
          assertThrows(ProviderUnavailableException.class, () -> p.discovery().metadata());

      assertEquals(ProviderUnavailableException.Cause.DISCOVERY_ISSUER_MISMATCH, e.reason());
    }
  }
}
