package com.example.orders;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.DpopKey;
import dev.gatehouse.test.GatehouseTestExtension;
import dev.gatehouse.test.NegativeCatalogue;
import dev.gatehouse.test.SigningAlgorithm;
import dev.gatehouse.test.Tokens;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of docs/testing.md, kept compiling and passing by the build: a user's servlet behind
 * GatehouseFilter in an embedded Jetty 12, tested with the kit's local provider.
 */
class OrdersApiTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  static final HttpClient http = HttpClient.newHttpClient();
  static Server server;
  static URI orders;

  @BeforeAll
  static void startTheApplication() throws Exception {
    // The settings a deployment would give (web.xml, environment...), here as init-params.
    Map<String, String> settings = new HashMap<>(kit.provider().settings());
    settings.put("gatehouse.required-scopes", "read:orders");
    FilterHolder gatehouse = new FilterHolder(GatehouseFilter.class);
    gatehouse.setInitParameters(settings);

    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(gatehouse, "/api/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(OrdersServlet.class, "/api/orders");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    orders = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/orders");
  }

  @AfterAll
  static void stopTheApplication() throws Exception {
    server.stop();
  }

  @Test
  void whenTheTokenHasTheScopeThenTheServletAnswersForTheCaller(Tokens tokens) throws Exception {
    HttpResponse<String> response =
        get(tokens.valid().subject("alice").scopes("read:orders").build());

    assertThat(response).isAccepted();
    assertEquals("{\"caller\":\"alice\",\"orders\":[]}", response.body());
  }

  @Test
  void whenTheScopeIsMissingThenForbiddenWithTheScopeToAskFor(Tokens tokens) throws Exception {
    HttpResponse<String> response = get(tokens.valid().scopes("write:orders").build());

    assertThat(response)
        .isRefused(Rejection.INSUFFICIENT_SCOPE)
        .withChallenge(
            "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
                + " token lacks a required scope.\", scope=\"read:orders\"");
  }

  @Test
  void whenTheTokenExpiredThenInvalidToken(Tokens tokens) throws Exception {
    assertThat(get(tokens.expired().scopes("read:orders").build()))
        .isRefused(Rejection.EXPIRED)
        .withRealm("api");
  }

  @Test
  void whenSignedWithEs256OrEdDsaThenAccepted(Tokens tokens) throws Exception {
    for (SigningAlgorithm alg :
        new SigningAlgorithm[] {SigningAlgorithm.ES256, SigningAlgorithm.EDDSA}) {
      assertThat(get(tokens.valid().scopes("read:orders").signedWith(alg).build())).isAccepted();
    }
  }

  @Test
  void whenTheJwksIsDownThenKeysAlreadyFetchedStillVerify(Tokens tokens) throws Exception {
    String token = tokens.valid().scopes("read:orders").build();
    assertThat(get(token)).isAccepted();

    kit.provider().takeJwksDown();

    assertThat(get(tokens.valid().scopes("read:orders").build())).isAccepted();
  }

  @Test
  void whenTheTokenIsBoundToTheClientsDpopKeyThenItIsAcceptedOnlyWithAProof(Tokens tokens)
      throws Exception {
    DpopKey key = DpopKey.generate();
    String token = tokens.valid().scopes("read:orders").dpopBoundTo(key).build();

    HttpResponse<String> withProof =
        http.send(
            HttpRequest.newBuilder(orders)
                .header("Authorization", "DPoP " + token)
                .header("DPoP", key.proof("GET", orders.toString(), token))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(withProof).isAccepted();
    assertThat(get(token)).isRefused(Rejection.DPOP_BOUND_TOKEN_AS_BEARER);
  }

  @TestFactory
  Stream<DynamicTest> theOrdersEndpointRefusesEveryForgery() {
    Tokens tokens = kit.tokens();
    return NegativeCatalogue.against(orders, tokens.valid().scopes("read:orders").build())
        .withTokens(tokens)
        .tests();
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
