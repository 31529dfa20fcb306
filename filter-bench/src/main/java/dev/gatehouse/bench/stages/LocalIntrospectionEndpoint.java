package dev.gatehouse.bench.stages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RFC 7662 endpoint on 127.0.0.1 over plain HTTP for benchmarks: {@code active: true} with the
 * token's own claims for a token it was told about, {@code active: false} for any other. The
 * answers are built before the run, so a call costs a loopback round trip and a map lookup, not an
 * authorization server's work. Counts its calls, so a benchmark can check which requests reached
 * it.
 */
final class LocalIntrospectionEndpoint implements AutoCloseable {

  private static final byte[] INACTIVE = "{\"active\":false}".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final HttpServer server;

  LocalIntrospectionEndpoint() throws IOException {
    // The JDK server otherwise leaves Nagle on: each answer would wait for the client's delayed
    // ACK (about 40 ms), a test-server artifact no real authorization server has. Read once, when
    // the server classes load, so it is set before the first server of the fork.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/introspect", this::introspect);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
  }

  /** From now on {@code token} is active, with the claims of its payload. */
  void activate(String token) {
    String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
    String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    if (!claims.startsWith("{") || claims.length() < 3) {
      throw new IllegalStateException("a token's payload is not a JSON object");
    }
    answers.put(
        token,
        ("{\"active\":true,\"token_type\":\"Bearer\"," + claims.substring(1))
            .getBytes(StandardCharsets.UTF_8));
  }

  int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void introspect(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    String form;
    try (InputStream in = exchange.getRequestBody()) {
      form = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    byte[] body = INACTIVE;
    for (String pair : form.split("&")) {
      if (pair.startsWith("token=")) {
        String token = URLDecoder.decode(pair.substring(6), StandardCharsets.US_ASCII);
        body = answers.getOrDefault(token, INACTIVE);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
