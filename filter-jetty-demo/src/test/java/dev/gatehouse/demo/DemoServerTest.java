package dev.gatehouse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.authz.PathRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The demo API behind the filter, against the local provider, over real HTTP on 127.0.0.1. */
class DemoServerTest {

  private static final String BARE_CHALLENGE =
      "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA PS256 RS256\"";

  private static LocalProvider provider;
  private static Server server;
  private static URI api;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    provider = LocalProvider.start();
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer().toString())
            .audiences(DemoSettings.LOCAL_AUDIENCE)
            .allowInsecureLoopbackHttp()
            .pathRules(
                PathRules.builder().rule(DemoServer.DPOP_RULE).rule(DemoServer.ADMIN_RULE).build())
            .build();
    server = DemoServer.create(0, config);
    assertFalse(server.isStarted(), "create returns an unstarted server");
    server.start();
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    assertEquals(DemoServer.HOST, connector.getHost());
    api = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (provider != null) {
      provider.stop();
    }
  }

  @Nested
  class Dpop {

    @Test
    void theDemoClientGetsABoundTokenAndIsAdmittedWithProofsButNotAsBearer() throws Exception {
      List<String> lines = new DpopDemoClient().run(api, provider.tokenEndpoint());

      assertTrue(lines.get(1).contains("with DPoP -> 200 "), lines::toString);
      assertTrue(lines.get(1).contains("dpop-demo-client"), lines::toString);
      assertTrue(
          lines.get(2).contains("as Bearer -> 401 Bearer realm=\"api\", error=\"invalid_token\""),
          lines::toString);
    }

    @Test
    void whenAPlainBearerTokenIsSentToTheDpopEndpointThenItIsRefusedNamingDpop() throws Exception {
      String token =
          provider.clientCredentialsToken("demo-client", DemoSettings.LOCAL_AUDIENCE, null);

      HttpResponse<String> response = get("/api/dpop/me", token);

      assertEquals(401, response.statusCode());
      assertTrue(challenge(response).endsWith(", DPoP algs=\"ES256 EdDSA PS256 RS256\""));
    }
  }

  @Nested
  class AdminRevocations {

    @Test
    void whenAnOperatorRevokesATokensJtiThenThatTokenIsRefusedAndOthersPass() throws Exception {
      String user = token("read:orders");
      String other = token("read:orders");
      assertEquals(200, get("/api/me", user).statusCode());

      HttpResponse<String> answer =
          post("/admin/revocations", token("admin:revocations"), "jti=" + jti(user));

      assertEquals(200, answer.statusCode(), answer::body);
      assertEquals("token", field(answer.body(), "revoked"));
      HttpResponse<String> refused = get("/api/me", user);
      assertEquals(401, refused.statusCode());
      assertTrue(challenge(refused).contains("revoked"), challenge(refused));
      assertEquals(200, get("/api/me", other).statusCode());
    }

    @Test
    void whenAnOperatorRevokesASubjectAsJsonThenItsTokensSoFarAreRefused() throws Exception {
      String user =
          provider.clientCredentialsToken("client-9", DemoSettings.LOCAL_AUDIENCE, "read:orders");
      String admin = token("admin:revocations");

      HttpResponse<String> answer =
          send(
              request("/admin/revocations", admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"client-9\"}")));

      assertEquals(200, answer.statusCode(), answer::body);
      assertEquals(401, get("/api/me", user).statusCode());
      assertEquals(200, get("/api/me", token("read:orders")).statusCode(), "client-1 is not");
    }

    @Test
    void whenTheTokenLacksTheAdminScopeThenTheRevocationIsRefused403() throws Exception {
      HttpResponse<String> answer = post("/admin/revocations", token("read:orders"), "sub=x");

      assertEquals(403, answer.statusCode());
    }

    @Test
    void whenNeitherJtiNorSubIsGivenThen400() throws Exception {
      HttpResponse<String> answer = post("/admin/revocations", token("admin:revocations"), "iss=x");

      assertEquals(400, answer.statusCode());
    }

    private static String jti(String jwt) {
      String payload =
          new String(
              java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
              java.nio.charset.StandardCharsets.UTF_8);
      return field(payload.replace("\": \"", "\":\""), "jti");
    }
  }

  @Nested
  class Health {

    @Test
    void getWhenNoTokenThen200Up() throws Exception {
      HttpResponse<String> response = get("/health", null);

      assertEquals(200, response.statusCode());
      assertEquals("{\"status\":\"up\"}", response.body());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
  }

  @Nested
  class Me {

    @Test
    void getWhenValidTokenThenSubjectClientScopesAndExpiry() throws Exception {
      String token = token("read:orders write:orders");

      HttpResponse<String> response = get("/api/me", token);

      assertEquals(200, response.statusCode());
      String body = response.body();
      assertEquals("client-1", field(body, "subject"));
      assertEquals("client-1", field(body, "client_id"));
      assertTrue(body.contains("\"scopes\":[\"read:orders\",\"write:orders\"]"), body);
      Instant expiresAt = Instant.parse(field(body, "expires_at"));
      assertTrue(expiresAt.isAfter(Instant.now()), body);
      assertFalse(body.contains(token), "the raw token is never echoed");
    }

    @Test
    void getWhenNoTokenThen401WithBareChallenge() throws Exception {
      HttpResponse<String> response = get("/api/me", null);

      assertEquals(401, response.statusCode());
      assertEquals(BARE_CHALLENGE, challenge(response));
    }

    @Test
    void getWhenTokenForAnotherApiThen401InvalidToken() throws Exception {
      String token = provider.clientCredentialsToken("client-1", "another-api", "read:orders");

      HttpResponse<String> response = get("/api/me", token);

      assertEquals(401, response.statusCode());
      assertTrue(
          challenge(response).startsWith("Bearer realm=\"api\", error=\"invalid_token\""),
          challenge(response));
    }
  }

  @Nested
  class Orders {

    @Test
    void getWhenReadScopeThen200WithOrders() throws Exception {
      HttpResponse<String> response = get("/api/orders", token("read:orders"));

      assertEquals(200, response.statusCode());
      assertTrue(response.body().startsWith("{\"orders\":[{\"id\":"), response.body());
    }

    @Test
    void getWhenNoReadScopeThen403NamingReadOrders() throws Exception {
      HttpResponse<String> response = get("/api/orders", token("write:orders"));

      assertEquals(403, response.statusCode());
      assertEquals(
          "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access"
              + " token lacks a required scope.\", scope=\"read:orders\"",
          challenge(response));
    }

    @Test
    void postWhenOnlyReadScopeThen403NamingWriteOrders() throws Exception {
      HttpResponse<String> response = post("/api/orders", token("read:orders"), "item=tea");

      assertEquals(403, response.statusCode());
      assertTrue(challenge(response).endsWith(", scope=\"write:orders\""), challenge(response));
    }

    @Test
    void postWhenWriteScopeThen201AndTheOrderIsListed() throws Exception {
      String token = token("read:orders write:orders");

      HttpResponse<String> created = post("/api/orders", token, "item=earl+grey&quantity=3");

      assertEquals(201, created.statusCode());
      assertEquals("earl grey", field(created.body(), "item"));
      assertEquals("client-1", field(created.body(), "placed_by"));
      assertTrue(get("/api/orders", token).body().contains("\"item\":\"earl grey\""));
    }

    @Test
    void postWhenQuantityInvalidThen400() throws Exception {
      HttpResponse<String> response =
          post("/api/orders", token("write:orders"), "item=tea&quantity=-1");

      assertEquals(400, response.statusCode());
      assertEquals("invalid_order", field(response.body(), "error"));
    }

    @Test
    void getWhenNoTokenThen401WithBareChallenge() throws Exception {
      HttpResponse<String> response = get("/api/orders", null);

      assertEquals(401, response.statusCode());
      assertEquals(BARE_CHALLENGE, challenge(response));
    }
  }

  private static String token(String scope) {
    return provider.clientCredentialsToken("client-1", DemoSettings.LOCAL_AUDIENCE, scope);
  }

  private static HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  private static HttpResponse<String> post(String path, String token, String form)
      throws IOException, InterruptedException {
    return send(
        request(path, token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String challenge(HttpResponse<String> response) {
    return response.headers().firstValue("WWW-Authenticate").orElse("(none)");
  }

  /** A string field of a flat JSON object; enough for the demo's answers. */
  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }
}
