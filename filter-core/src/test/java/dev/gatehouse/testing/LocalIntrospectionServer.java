package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;

/**
 * A stand-in RFC 7662 endpoint on 127.0.0.1 at {@value #PATH}: answers {@code active: true} with
 * the fields registered for a token, {@code active: false} for any other, and counts calls per
 * token. It checks the client credentials it was told to expect, by either method.
 */
public final class LocalIntrospectionServer implements AutoCloseable {

  public static final String PATH = "/oauth2/introspect";
  public static final String CLIENT_ID = "resource-server";
  public static final String CLIENT_SECRET = "s3cret:with&odd=chars";

  /** How the endpoint answers. */
  public enum Mode {
    OK,
    FAIL,
    HANG,
    GARBAGE,
    NO_ACTIVE,
    OVERSIZED
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Map<String, Object>> active = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private volatile Mode mode = Mode.OK;
  private volatile Duration delay = Duration.ZERO;
  private volatile String lastAuthorization;
  private volatile Map<String, String> lastForm = Map.of();

  private LocalIntrospectionServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-introspection");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(PATH, this::handle);
  }

  public static LocalIntrospectionServer start() {
    try {
      LocalIntrospectionServer s = new LocalIntrospectionServer();
      s.server.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** {@code token} is active, and its introspection response holds {@code fields}. */
  public LocalIntrospectionServer activate(String token, Map<String, Object> fields) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("active", true);
    response.putAll(fields);
    active.put(token, response);
    return this;
  }

  public LocalIntrospectionServer deactivate(String token) {
    active.remove(token);
    return this;
  }

  public LocalIntrospectionServer mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public LocalIntrospectionServer delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  public int calls(String token) {
    AtomicInteger n = calls.get(token);
    return n == null ? 0 : n.get();
  }

  public int totalCalls() {
    return total.get();
  }

  public String lastAuthorization() {
    return lastAuthorization;
  }

  public Map<String, String> lastForm() {
    return lastForm;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      total.incrementAndGet();
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      lastForm = form;
      String token = form.getOrDefault("token", "");
      calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      switch (mode) {
        case FAIL -> send(exchange, 500, "{\"error\":\"server_error\"}");
        case HANG -> Thread.sleep(20_000);
        case GARBAGE -> send(exchange, 200, "<html>oops</html>");
        case NO_ACTIVE -> send(exchange, 200, "{\"sub\":\"x\"}");
        case OVERSIZED ->
            send(exchange, 200, "{\"active\":false,\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
        case OK -> {
          if (!authenticated(exchange, form)) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
          }
          Map<String, Object> response = active.get(token);
          send(
              exchange,
              200,
              JsonUtil.toJson(response != null ? response : Map.of("active", false)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean authenticated(HttpExchange exchange, Map<String, String> form) {
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
    if (basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return true;
    }
    return CLIENT_ID.equals(form.get("client_id"))
        && CLIENT_SECRET.equals(form.get("client_secret"));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
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
    executor.shutdownNow();
  }
}
