package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** {@code --provider-only}: what it prints is enough to protect one's own API with its tokens. */
class ProviderOnlyTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void whenStartedAloneThenItPrintsTheTwoSettingsAndATokenRequestForTheUsersAudience() {
    try (LocalProvider provider = LocalProvider.start(0, ProviderOnly.EXAMPLE_AUDIENCE)) {
      String text = ProviderOnly.instructions(provider.issuer(), provider.tokenEndpoint());

      assertTrue(text.contains("export GATEHOUSE_ISSUER=" + provider.issuer() + "\n"), text);
      assertTrue(text.contains("export GATEHOUSE_ALLOW_INSECURE_LOOPBACK_HTTP=true\n"), text);
      assertTrue(text.contains("TOKEN=$(curl -s " + provider.tokenEndpoint() + " \\"), text);
      assertTrue(text.contains("audience=" + ProviderOnly.EXAMPLE_AUDIENCE), text);
      assertFalse(text.contains("eyJ"), "no token is ever printed");
    }
  }

  @Test
  void whenAnApiTrustsItWithThosePrintedSettingsThenItsTokensAreAccepted() throws Exception {
    try (LocalProvider provider = LocalProvider.start(0, ProviderOnly.EXAMPLE_AUDIENCE)) {
      // What a container does with GATEHOUSE_ISSUER, GATEHOUSE_ALLOW_INSECURE_LOOPBACK_HTTP and
      // the audience from the WAR's web.xml.
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer().toString())
              .audiences(ProviderOnly.EXAMPLE_AUDIENCE)
              .allowInsecureLoopbackHttp()
              .build();
      Server server = DemoServer.create(0, config);
      server.start();
      try {
        URI me =
            URI.create(
                "http://127.0.0.1:"
                    + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                    + "/api/me");
        String token =
            provider.clientCredentialsToken(
                "my-client", ProviderOnly.EXAMPLE_AUDIENCE, "read:orders");

        assertEquals(200, call(me, token));
        assertEquals(
            401, call(me, provider.clientCredentialsToken("my-client", "another-api", "read")));
      } finally {
        server.stop();
      }
    }
  }

  private static int call(URI uri, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
