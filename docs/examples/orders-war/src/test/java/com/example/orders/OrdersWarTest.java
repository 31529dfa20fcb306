package com.example.orders;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.GatehouseTestExtension;
import dev.gatehouse.test.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR with its own web.xml in an embedded Jetty 12, against the test kit's local provider
 * (docs/testing.md). Nothing here configures Gatehouse: the kit sets {@code gatehouse.issuer} and
 * the rest as system properties, which MicroProfile Config hands to the filter as it hands it
 * {@code GATEHOUSE_ISSUER} in production; the audience and the rules are the ones in web.xml.
 */
class OrdersWarTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  static final HttpClient http = HttpClient.newHttpClient();
  static Server server;
  static URI orders;

  @BeforeAll
  static void deployTheWar() throws Exception {
    WebAppContext war = new WebAppContext("src/main/webapp", "/orders-war");
    // @WebServlet is found by scanning a packaged WAR; here the class is on the test class path.
    war.addServlet(OrdersServlet.class, "/api/orders");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(war);
    server.start();
    orders = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/orders-war/api/orders");
  }

  @AfterAll
  static void undeployTheWar() throws Exception {
    server.stop();
  }

  @Test
  void whenTheTokenCarriesReadOrdersThenTheServletAnswersForItsSubject(Tokens tokens)
      throws Exception {
    HttpResponse<String> response = get(tokens.valid().subject("alice").scopes("read:orders").build());

    assertThat(response).isAccepted();
    assertEquals("orders for alice", response.body().strip());
  }

  @Test
  void whenTheScopeIsMissingThenTheRuleInWebXmlRefusesIt(Tokens tokens) throws Exception {
    assertThat(get(tokens.valid().scopes("write:orders").build()))
        .isRefused(Rejection.INSUFFICIENT_SCOPE)
        .withScope("read:orders");
  }

  @Test
  void whenTheTokenExpiredThenItIsRefused(Tokens tokens) throws Exception {
    assertThat(get(tokens.expired().scopes("read:orders").build())).isRefused(Rejection.EXPIRED);
  }

  private static HttpResponse<String> get(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(orders)
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
