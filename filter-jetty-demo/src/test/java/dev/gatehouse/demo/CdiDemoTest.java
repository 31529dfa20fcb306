package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The demo's API as CDI beans under Weld's servlet integration: the scope interceptor, the {@code
 * sub} claim read per request by an application-scoped bean, and a {@code @ConfigProperty}.
 */
class CdiDemoTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static LocalProvider provider;

  @BeforeAll
  static void startProvider() {
    provider = LocalProvider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
  }

  private static GatehouseConfig gatehouseConfig() {
    return GatehouseConfig.forIssuer(provider.issuer().toString())
        .audiences(DemoSettings.LOCAL_AUDIENCE)
        .allowInsecureLoopbackHttp()
        .build();
  }

  private static String token(String client, String scope) {
    return provider.clientCredentialsToken(client, DemoSettings.LOCAL_AUDIENCE, scope);
  }

  @Nested
  class WithTheDefaultConfiguration {

    @Test
    void whenTwoCallersPlaceOrdersThenEachOrderNamesItsOwnCaller() throws Exception {
      try (Running demo = Running.start(Map.of())) {
        HttpResponse<String> first = demo.post(token("client-1", "write:orders"), "item=tea");
        HttpResponse<String> second = demo.post(token("client-2", "write:orders"), "item=tea");

        assertEquals(201, first.statusCode());
        assertEquals("client-1", field(first.body(), "placed_by"));
        assertEquals("client-2", field(second.body(), "placed_by"));
      }
    }

    @Test
    void whenTheWriteScopeIsMissingThen403EvenForAnInvalidOrder() throws Exception {
      try (Running demo = Running.start(Map.of())) {
        HttpResponse<String> response =
            demo.post(token("client-1", "read:orders"), "item=tea&quantity=-1");

        assertEquals(403, response.statusCode(), "the scope is checked before the input");
        assertEquals(
            "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
                + " token lacks a required scope.\", scope=\"write:orders\"",
            response.headers().firstValue("WWW-Authenticate").orElseThrow());
      }
    }

    @Test
    void whenNothingIsConfiguredThenBothSampleOrdersAreKept() throws Exception {
      try (Running demo = Running.start(Map.of())) {
        String orders = demo.get(token("client-1", "read:orders")).body();
        assertEquals(2, count(orders, "\"id\":"), orders);
      }
    }
  }

  @Nested
  class WithAConfiguredCapacity {

    @Test
    void whenTheCapacityIsOneThenOnlyTheNewestOrderIsKept() throws Exception {
      try (Running demo = Running.start(Map.of(OrderService.CAPACITY, "1"))) {
        String orders = demo.get(token("client-1", "read:orders")).body();
        assertEquals(1, count(orders, "\"id\":"), orders);
        assertTrue(orders.contains("\"item\":\"green tea\""), orders);
      }
    }

    @Test
    void whenTheCapacityIsZeroThenTheServerDoesNotStart() {
      Exception failure =
          assertThrows(Exception.class, () -> Running.start(Map.of(OrderService.CAPACITY, "0")));
      assertTrue(
          rootMessage(failure).contains("demo.orders.capacity must be at least 1"),
          rootMessage(failure));
    }
  }

  /**
   * A started demo whose MicroProfile Config holds {@code settings}: the server starts under a
   * class loader of its own, for which that configuration is registered, so no other test sees it.
   */
  private record Running(Server server, URI api, URLClassLoader loader, Config config)
      implements AutoCloseable {

    static Running start(Map<String, String> settings) throws Exception {
      URLClassLoader loader = new URLClassLoader(new URL[0], CdiDemoTest.class.getClassLoader());
      ConfigProviderResolver resolver = ConfigProviderResolver.instance();
      Config config =
          resolver
              .getBuilder()
              .forClassLoader(loader)
              .addDefaultSources()
              .addDiscoveredConverters()
              .withSources(new MapSource(settings))
              .build();
      resolver.registerConfig(config, loader);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      Server server = DemoServer.create(0, gatehouseConfig());
      thread.setContextClassLoader(loader);
      try {
        server.start();
      } catch (Exception e) {
        server.stop();
        resolver.releaseConfig(config);
        throw e;
      } finally {
        thread.setContextClassLoader(previous);
      }
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      return new Running(server, URI.create("http://127.0.0.1:" + port), loader, config);
    }

    HttpResponse<String> get(String token) throws Exception {
      return HTTP.send(request(token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String token, String form) throws Exception {
      return HTTP.send(
          request(token)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token) {
      return HttpRequest.newBuilder(api.resolve("/api/orders"))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() throws Exception {
      try {
        server.stop();
      } finally {
        ConfigProviderResolver.instance().releaseConfig(config);
        loader.close();
      }
    }
  }

  /** The test's settings, above every other source. */
  private record MapSource(Map<String, String> values) implements ConfigSource {
    @Override
    public Set<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public String getValue(String name) {
      return values.get(name);
    }

    @Override
    public String getName() {
      return "test settings";
    }

    @Override
    public int getOrdinal() {
      return 1000;
    }
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String rootMessage(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t).append(" / ");
    }
    return messages.toString();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }
}
