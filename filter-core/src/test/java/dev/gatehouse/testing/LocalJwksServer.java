package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in OpenID provider on 127.0.0.1: {@value #DISCOVERY_PATH} and {@value #JWKS_PATH}, with
 * request counts per path and switches that make either endpoint misbehave.
 *
 * <p>As a JUnit 5 extension it replaces the start/close pair around tests: on a static field it
 * serves the whole class (and its {@code @Nested} classes), on an instance field each test anew.
 * Its port, and so {@link #issuer()}, is fixed when it is created, so that field initializers can
 * use it.
 *
 * <pre>{@code
 * @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
 * }</pre>
 */
public final class LocalJwksServer
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {

  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  public static final String JWKS_PATH = "/jwks";

  /** How an endpoint answers. */
  public enum Mode {
    OK,
    /** HTTP 500 with a short body. */
    FAIL,
    /** Sends nothing for {@link #HANG_TIME}, far longer than any read timeout in the tests. */
    HANG,
    /** HTTP 200 with a body that is not JSON. */
    GARBAGE,
    /** HTTP 200 with a valid-looking JSON document of {@link #OVERSIZED_BYTES}. */
    OVERSIZED,
    /** HTTP 200 with a JSON object whose members have the wrong types ({@code "keys": "none"}). */
    WRONG_SHAPE
  }

  public static final Duration HANG_TIME = Duration.ofSeconds(20);
  public static final int OVERSIZED_BYTES = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final String issuer;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile Mode discoveryMode = Mode.OK;
  private volatile Mode jwksMode = Mode.OK;
  private volatile List<JsonWebKey> keys = TestKeys.published();
  private volatile String cacheControl;
  private volatile Duration delay = Duration.ZERO;
  private volatile String advertisedIssuer;
  private volatile String advertisedJwksUri;

  /** The test or class whose start started this server, and whose end closes it. */
  private String owner;

  private LocalJwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-jwks-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Started; serves {@link TestKeys#published()} until told otherwise. */
  public static LocalJwksServer start() {
    LocalJwksServer s = extension();
    s.server.start();
    return s;
  }

  /** Listening but not answering until JUnit starts the class or test it is registered for. */
  public static LocalJwksServer extension() {
    try {
      return new LocalJwksServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeFor(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeFor(context);
  }

  private synchronized void startFor(ExtensionContext context) {
    if (owner == null) {
      owner = context.getUniqueId();
      server.start();
    }
  }

  private synchronized void closeFor(ExtensionContext context) {
    if (context.getUniqueId().equals(owner)) {
      close();
    }
  }

  /** {@code http://127.0.0.1:port/}, with the trailing slash Auth0 puts in {@code iss}. */
  public String issuer() {
    return issuer;
  }

  public URI uri(String path) {
    return URI.create(issuer).resolve(path);
  }

  public URI jwksUri() {
    return uri(JWKS_PATH);
  }

  public int requests(String path) {
    AtomicInteger n = counts.get(path);
    return n == null ? 0 : n.get();
  }

  public int discoveryRequests() {
    return requests(DISCOVERY_PATH);
  }

  public int jwksRequests() {
    return requests(JWKS_PATH);
  }

  /** Every request to every path. */
  public int totalRequests() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public LocalJwksServer keys(JsonWebKey... keys) {
    this.keys = List.of(keys);
    return this;
  }

  /** The JWKS {@code Cache-Control} header; null sends none. */
  public LocalJwksServer cacheControl(String value) {
    this.cacheControl = value;
    return this;
  }

  public LocalJwksServer discoveryMode(Mode mode) {
    this.discoveryMode = mode;
    return this;
  }

  public LocalJwksServer jwksMode(Mode mode) {
    this.jwksMode = mode;
    return this;
  }

  /** Delays every answer, so that concurrent callers overlap. */
  public LocalJwksServer delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** The {@code issuer} the discovery document names, instead of the real one. */
  public LocalJwksServer advertiseIssuer(String issuer) {
    this.advertisedIssuer = issuer;
    return this;
  }

  /** The {@code jwks_uri} the discovery document names, instead of {@link #jwksUri()}. */
  public LocalJwksServer advertiseJwksUri(String uri) {
    this.advertisedJwksUri = uri;
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      pause(delay);
      switch (path) {
        case DISCOVERY_PATH -> answer(exchange, discoveryMode, discoveryDocument());
        case JWKS_PATH -> answer(exchange, jwksMode, jwks());
        default -> send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void answer(HttpExchange exchange, Mode mode, String body)
      throws IOException, InterruptedException {
    switch (mode) {
      case OK -> send(exchange, 200, body);
      case FAIL -> send(exchange, 500, "{\"error\":\"server_error\"}");
      case HANG -> pause(HANG_TIME);
      case GARBAGE -> send(exchange, 200, "<html>502 Bad Gateway</html>");
      case OVERSIZED -> send(exchange, 200, oversized());
      case WRONG_SHAPE -> send(exchange, 200, "{\"keys\":\"none\",\"issuer\":[],\"jwks_uri\":{}}");
    }
  }

  private void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    String cc = cacheControl;
    if (cc != null && exchange.getRequestURI().getPath().equals(JWKS_PATH)) {
      exchange.getResponseHeaders().set("Cache-Control", cc);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String discoveryDocument() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", advertisedIssuer != null ? advertisedIssuer : issuer);
    doc.put("jwks_uri", advertisedJwksUri != null ? advertisedJwksUri : jwksUri().toString());
    doc.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
    return JsonUtil.toJson(doc);
  }

  private String jwks() {
    // INCLUDE_SYMMETRIC so that an oct key, when a test publishes one, is served whole.
    return new JsonWebKeySet(keys).toJson(OutputControlLevel.INCLUDE_SYMMETRIC);
  }

  private static String oversized() {
    StringBuilder body = new StringBuilder("{\"keys\":[],\"padding\":\"");
    while (body.length() < OVERSIZED_BYTES) {
      body.append("0123456789abcdef");
    }
    return body.append("\"}").toString();
  }

  private static void pause(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      Thread.sleep(d.toMillis());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow(); // wakes handlers that are hanging on purpose
  }
}
