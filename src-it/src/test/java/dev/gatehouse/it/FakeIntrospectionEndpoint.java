package dev.gatehouse.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A third-party authorization server's RFC 7662 endpoint on 127.0.0.1, as Apigee or Okta would
 * run it: one opaque token is active, everything else is not, and the caller must authenticate
 * with HTTP Basic.
 */
final class FakeIntrospectionEndpoint implements AutoCloseable {

  static final String ACTIVE_TOKEN = "3c0ffee7e4a1b2c3d4e5f60718293a4b";
  static final String CLIENT_ID = "shop-gateway";
  static final String CLIENT_SECRET = "gateway-secret";

  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();

  FakeIntrospectionEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/introspect", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
  }

  int calls() {
    return calls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      calls.incrementAndGet();
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"error\":\"invalid_client\"}");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String token = "";
      for (String pair : body.split("&")) {
        if (pair.startsWith("token=")) {
          token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
      }
      if (!ACTIVE_TOKEN.equals(token)) {
        send(exchange, 200, "{\"active\":false}");
        return;
      }
      long exp = Instant.now().plusSeconds(600).getEpochSecond();
      send(
          exchange,
          200,
          // gty: the application's required claims apply to introspected tokens too.
          "{\"active\":true,\"sub\":\"partner-user-7\",\"client_id\":\"partner-app\","
              + "\"gty\":\"client-credentials\","
              + "\"scope\":\"read:orders\",\"exp\":" + exp + ","
              + "\"application_name\":\"Partner Portal\",\"api_product_list\":[\"gold\"]}");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
