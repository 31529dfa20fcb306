package dev.gatehouse.test;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenID provider on a free 127.0.0.1 port, for tests: discovery, a JWKS with RS256, PS256,
 * ES256 and EdDSA keys generated at start, a token endpoint for client credentials, and RFC 7662
 * introspection. A test controls it: {@link #rotateKeys()}, {@link #takeJwksDown()}, {@link
 * #clock()}. Usually run by {@link GatehouseTestExtension}; usable alone with try-with-resources.
 */
public final class LocalOpenIdProvider implements AutoCloseable {

  public static final String DEFAULT_CLIENT_ID = "test-client";
  public static final String DEFAULT_CLIENT_SECRET = "test-secret";

  private final List<String> audiences;
  private final ProviderKeys keys = new ProviderKeys();
  private final ProviderClock clock = new ProviderClock();
  private final ProviderHandlers handlers;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String issuer;

  private LocalOpenIdProvider(List<String> audiences) throws IOException {
    this.audiences = List.copyOf(audiences);
    this.handlers = new ProviderHandlers(this, keys);
    handlers.clients().put(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    route("/.well-known/openid-configuration", "GET", handlers::discovery);
    route("/jwks", "GET", handlers::jwks);
    route("/token", "POST", handlers::token);
    route("/introspect", "POST", handlers::introspect);
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "gatehouse-test-provider");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a provider whose tokens are for {@code audiences} (at least one). */
  public static LocalOpenIdProvider start(String... audiences) {
    if (audiences.length == 0) {
      throw new IllegalArgumentException("the provider needs the audience of the API under test");
    }
    try {
      return new LocalOpenIdProvider(List.of(audiences));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public List<String> audiences() {
    return audiences;
  }

  public URI discoveryUri() {
    return URI.create(issuer + "/.well-known/openid-configuration");
  }

  public URI jwksUri() {
    return URI.create(issuer + "/jwks");
  }

  public URI tokenEndpoint() {
    return URI.create(issuer + "/token");
  }

  public URI introspectionEndpoint() {
    return URI.create(issuer + "/introspect");
  }

  public Tokens tokens() {
    return new Tokens(keys, clock, issuer, audiences);
  }

  /** The provider's time; {@code clock().advance(...)} moves it. */
  public ProviderClock clock() {
    return clock;
  }

  /** Lets another client use the token and introspection endpoints. */
  public void registerClient(String clientId, String clientSecret) {
    handlers.clients().put(clientId, clientSecret);
  }

  /** New keys for every algorithm; the previous ones stay in the JWKS, as during a real rollover. */
  public void rotateKeys() {
    keys.rotate();
  }

  /** Removes the keys replaced by {@link #rotateKeys()} from the JWKS. */
  public void withdrawRetiredKeys() {
    keys.withdrawRetired();
  }

  /** The JWKS answers 503 until {@link #bringJwksBack()}; discovery and tokens keep working. */
  public void takeJwksDown() {
    handlers.jwksDown(true);
  }

  public void bringJwksBack() {
    handlers.jwksDown(false);
  }

  /** How often the JWKS was asked for: shows whether the application cached or refetched keys. */
  public int jwksRequests() {
    return handlers.jwksRequests().get();
  }

  /**
   * An opaque token (random, not a JWT) standing for {@code token}'s claims: only the introspection
   * endpoint knows what it means, so it tests an application configured for introspection.
   */
  public String opaqueToken(TokenBuilder token) {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    String value = "opaque-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    handlers.opaque().put(value, token.claims());
    return value;
  }

  /** Introspection answers {@code active: false} for this token from now on. */
  public void revoke(String token) {
    handlers.revoked().add(token);
  }

  /** Back to a healthy provider at the system's time, no revocations. Rotated keys stay rotated. */
  public void reset() {
    handlers.jwksDown(false);
    handlers.revoked().clear();
    clock.reset();
  }

  /**
   * What the application under test needs to trust this provider, as Gatehouse keys: issuer,
   * audiences, every algorithm the provider signs with, and plain HTTP to loopback. Usable as
   * filter init-params, system properties or MicroProfile Config.
   */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gatehouse.issuer", issuer);
    settings.put("gatehouse.audiences", String.join(",", audiences));
    settings.put("gatehouse.algorithms", "RS256,PS256,ES256,EdDSA");
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    return settings;
  }

  /**
   * {@link #settings()} plus introspection of opaque tokens at this provider with {@code clientId}
   * (registered here with {@code clientSecret}) and HTTP Basic client authentication.
   */
  public Map<String, String> settingsWithIntrospection(String clientId, String clientSecret) {
    registerClient(clientId, clientSecret);
    Map<String, String> settings = settings();
    settings.put("gatehouse.introspection.endpoint", introspectionEndpoint().toString());
    settings.put("gatehouse.introspection.client-id", clientId);
    settings.put("gatehouse.introspection.client-secret", clientSecret);
    return settings;
  }

  /** {@link #settings()} as environment variables ({@code GATEHOUSE_ISSUER}...) for a process. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    settings().forEach((k, v) -> env.put(k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), v));
    return env;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void route(String path, String method, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          try {
            // Exact paths only: /jwks/anything is not the JWKS.
            if (!exchange.getRequestURI().getPath().equals(path)) {
              ProviderEndpoints.error(exchange, 404, "not_found");
            } else if (!exchange.getRequestMethod().equals(method)) {
              exchange.getResponseHeaders().set("Allow", method);
              ProviderEndpoints.error(exchange, 405, "method_not_allowed");
            } else {
              handler.handle(exchange);
            }
          } catch (IOException | RuntimeException e) {
            sendServerError(exchange);
          } finally {
            exchange.close();
          }
        });
  }

  private static void sendServerError(com.sun.net.httpserver.HttpExchange exchange) {
    try {
      exchange.sendResponseHeaders(500, -1);
    } catch (IOException | RuntimeException alreadyAnswered) {
      // The answer had started: closing the exchange is all that is left.
    }
  }
}
