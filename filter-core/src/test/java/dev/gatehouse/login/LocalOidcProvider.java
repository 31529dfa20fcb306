package dev.gatehouse.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * A stand-in OpenID provider on 127.0.0.1 for the login tests: discovery (with authorization, token
 * and end-session endpoints), JWKS ({@link TestKeys#published()}), an authorization endpoint that
 * logs {@link #USER} in at once and redirects with a code, and a token endpoint that checks client
 * authentication, {@code redirect_uri} and PKCE like a real one. Tokens are minted with {@link
 * TestTokens}; the switches change one thing each.
 */
final class LocalOidcProvider implements AutoCloseable {

  static final String CLIENT_ID = "web-app";
  static final String CLIENT_SECRET = "s3cret/with+odd=chars";
  static final String USER = TestTokens.SUBJECT;

  private final HttpServer server;
  private final ExecutorService executor;
  private final String issuer;
  private final Clock clock;
  private final TestTokens tokens;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger refreshRequests = new AtomicInteger();
  private final AtomicInteger discoveryRequests = new AtomicInteger();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final AtomicInteger counter = new AtomicInteger();

  private volatile UnaryOperator<TestTokens.Builder> idTokenChange = UnaryOperator.identity();
  private volatile UnaryOperator<TestTokens.Builder> accessTokenChange = UnaryOperator.identity();
  private volatile String lastAuthorizationQuery = "";
  private volatile String lastTokenRequestBody = "";
  private volatile boolean issueRefreshTokens = true;
  private volatile boolean refuseRefresh;
  private volatile int tokenEndpointStatus = 200;
  private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
  private volatile String lastClientAuthentication;
  private volatile Map<String, String> lastAuthorizationRequest = Map.of();

  /** What a code or refresh token stands for. */
  private record Grant(String clientId, String redirectUri, String challenge, String nonce) {}

  private LocalOidcProvider(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-oidc-provider");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    tokens = new TestTokens(issuer);
  }

  static LocalOidcProvider start(Clock clock) {
    try {
      LocalOidcProvider p = new LocalOidcProvider(clock);
      p.server.start();
      return p;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return issuer;
  }

  URI uri(String path) {
    return URI.create(issuer).resolve(path);
  }

  /** Changes the next ID tokens, e.g. {@code b -> b.claim("nonce", "other")}. */
  LocalOidcProvider idTokens(UnaryOperator<TestTokens.Builder> change) {
    this.idTokenChange = change;
    return this;
  }

  /** Changes the next access tokens, e.g. {@code b -> b.audience("https://other.example")}. */
  LocalOidcProvider accessTokens(UnaryOperator<TestTokens.Builder> change) {
    this.accessTokenChange = change;
    return this;
  }

  LocalOidcProvider issueRefreshTokens(boolean issue) {
    this.issueRefreshTokens = issue;
    return this;
  }

  LocalOidcProvider refuseRefresh(boolean refuse) {
    this.refuseRefresh = refuse;
    return this;
  }

  /** Any status but 200 answers {@code {"error":"invalid_grant"}}. */
  LocalOidcProvider tokenEndpointStatus(int status) {
    this.tokenEndpointStatus = status;
    return this;
  }

  LocalOidcProvider accessTokenLifetime(Duration lifetime) {
    this.accessTokenLifetime = lifetime;
    return this;
  }

  /** Back to a well-behaved provider. */
  void reset() {
    idTokenChange = UnaryOperator.identity();
    accessTokenChange = UnaryOperator.identity();
    issueRefreshTokens = true;
    refuseRefresh = false;
    tokenEndpointStatus = 200;
    accessTokenLifetime = Duration.ofMinutes(5);
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  int refreshRequests() {
    return refreshRequests.get();
  }

  int discoveryRequests() {
    return discoveryRequests.get();
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  /** {@code basic} or {@code post}, as the last token request authenticated. */
  String lastClientAuthentication() {
    return lastClientAuthentication;
  }

  Map<String, String> lastAuthorizationRequest() {
    return lastAuthorizationRequest;
  }

  /** As sent, so that a parameter given several times shows each time. */
  String lastAuthorizationQuery() {
    return lastAuthorizationQuery;
  }

  /** The form of the last token request as sent. */
  String lastTokenRequestBody() {
    return lastTokenRequestBody;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/.well-known/openid-configuration" -> {
          discoveryRequests.incrementAndGet();
          send(exchange, 200, discovery());
        }
        case "/jwks" -> {
          jwksRequests.incrementAndGet();
          send(exchange, 200, new JsonWebKeySet(TestKeys.published()).toJson());
        }
        case "/authorize" -> authorize(exchange);
        case "/token" -> token(exchange);
        default -> send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    }
  }

  private String discovery() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", issuer + "jwks");
    doc.put("authorization_endpoint", issuer + "authorize?tenant=test");
    doc.put("token_endpoint", issuer + "token");
    doc.put("end_session_endpoint", issuer + "oidc/logout");
    return JsonUtil.toJson(doc);
  }

  /** Logs {@link #USER} in without a page and redirects back, as after a successful login. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
    lastAuthorizationRequest = Map.copyOf(q);
    lastAuthorizationQuery = exchange.getRequestURI().getRawQuery();
    String code = "code-" + counter.incrementAndGet();
    codes.put(
        code,
        new Grant(
            q.get("client_id"), q.get("redirect_uri"), q.get("code_challenge"), q.get("nonce")));
    String location = q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state");
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    lastTokenRequestBody = body;
    Map<String, String> form = form(body);
    String clientId = authenticate(exchange, form);
    if (clientId == null) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (tokenEndpointStatus != 200) {
      send(
          exchange,
          tokenEndpointStatus,
          "{\"error\":\"invalid_grant\",\"error_description\":\"<script>alert(1)</script>\"}");
      return;
    }
    Grant grant;
    if ("authorization_code".equals(form.get("grant_type"))) {
      grant = codes.remove(form.getOrDefault("code", ""));
      if (grant == null
          || !grant.clientId().equals(clientId)
          || !grant.redirectUri().equals(form.get("redirect_uri"))
          || !Pkce.s256Challenge(form.getOrDefault("code_verifier", ""))
              .equals(grant.challenge())) {
        send(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
    } else if ("refresh_token".equals(form.get("grant_type"))) {
      refreshRequests.incrementAndGet();
      grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
      if (grant == null || refuseRefresh) {
        send(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
    } else {
      send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    send(exchange, 200, tokenResponse(grant, "refresh_token".equals(form.get("grant_type"))));
  }

  private String tokenResponse(Grant grant, boolean renewal) {
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    body.put(
        "access_token",
        accessTokenChange
            .apply(
                tokens
                    .validAt(now)
                    .expiresAt(now.plus(accessTokenLifetime))
                    .claim("azp", grant.clientId())
                    .claim("jti", "at-" + counter.incrementAndGet()))
            .build());
    body.put("expires_in", accessTokenLifetime.toSeconds());
    TestTokens.Builder id =
        tokens
            .validAt(now)
            .audience(grant.clientId())
            .without("scope")
            .claim("azp", grant.clientId());
    if (!renewal) {
      id.claim("nonce", grant.nonce());
    }
    body.put("id_token", idTokenChange.apply(id).build());
    if (issueRefreshTokens) {
      String refresh = "refresh-" + counter.incrementAndGet();
      refreshTokens.put(refresh, grant);
      body.put("refresh_token", refresh);
    }
    return JsonUtil.toJson(body);
  }

  /** The client id when the request authenticated as the test client, else null. */
  private String authenticate(HttpExchange exchange, Map<String, String> form) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Basic ")) {
      lastClientAuthentication = "basic";
      String pair =
          new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
      String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      return CLIENT_ID.equals(id) && CLIENT_SECRET.equals(secret) ? id : null;
    }
    lastClientAuthentication = "post";
    return CLIENT_ID.equals(form.get("client_id"))
            && CLIENT_SECRET.equals(form.get("client_secret"))
        ? CLIENT_ID
        : null;
  }

  static Map<String, String> form(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
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
