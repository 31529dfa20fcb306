package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.BARE;
import static dev.gatehouse.testing.Challenges.insufficientScope;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.NO_EXPIRY;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.authz.PathRules;
import dev.gatehouse.testing.GatewayApp;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.servlet.ServletException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path and method rules in front of a whole application (filter on {@code /*}): decided before any
 * token work, first match wins, matched on the container-decoded path.
 */
class FilterPathRulesTest {

  static final String DENIED =
      "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The request is not"
          + " allowed with any access token.\"";

  static final String RULES =
      """
      GET   /api/orders/*  scopes=read:orders
      POST  /api/orders    any=write:orders,admin
      *     /api/public/*  public
      *     *.pdf          scopes=reports
      *     /internal/*    deny
      *     /api/*         authenticated
      """;

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  @Nested
  class RulesFromTheBuilder {

    private static GatewayApp app;

    @BeforeAll
    static void start() {
      app =
          GatewayApp.start(
              config()
                  .pathRules(
                      PathRules.builder()
                          .rules(RULES, "rules")
                          .otherwise("deny", "default")
                          .permitCorsPreflight()
                          .build())
                  .build());
    }

    @AfterAll
    static void stop() {
      app.close();
    }

    @Test
    void whenAPublicPathIsCalledWithoutATokenThenItPassesAndNothingIsFetched() {
      int before = provider.totalRequests();

      Reply reply = app.get("/api/public/status");

      assertEquals(200, reply.status());
      assertEquals("null", reply.echo().get("principal"));
      assertEquals(before, provider.totalRequests(), "a public path does no token work");
    }

    @Test
    void whenAPublicPathIsCalledWithAnInvalidTokenThenTheTokenIsIgnored() {
      assertEquals(200, app.get("/api/public/status", "not-even-a-jwt").status());
    }

    @Test
    void whenARuleNeedsScopesAndTheTokenLacksOneThen403NamingThem() {
      Reply reply = app.get("/api/orders/7", tokens.valid().scope("write:orders").build());

      assertEquals(403, reply.status());
      assertEquals(insufficientScope("read:orders"), reply.challenge());
    }

    @Test
    void whenARuleNeedsScopesAndTheTokenHasThemThenItPasses() {
      Reply reply = app.get("/api/orders/7", tokens.valid().scope("read:orders").build());

      assertEquals(200, reply.status());
      assertEquals(TestTokens.SUBJECT, reply.echo().get("principal"));
    }

    @Test
    void whenAnyOfSeveralScopesWillDoThenOneIsEnoughAndTheRefusalListsTheAlternatives() {
      Reply admin = postOrder(tokens.valid().scope("admin").build());
      Reply reader = postOrder(tokens.valid().scope("read:orders").build());

      assertEquals(200, admin.status());
      assertEquals(403, reader.status());
      assertEquals(insufficientScope("admin write:orders"), reader.challenge());
    }

    private Reply postOrder(String token) {
      return app.send(
          app.request("/api/orders")
              .header("Authorization", "Bearer " + token)
              .POST(BodyPublishers.noBody()));
    }

    @Test
    void whenAPathIsDeniedThen403BeforeAnyTokenWork() {
      int before = provider.totalRequests();

      Reply noToken = app.get("/internal/metrics");
      Reply withToken = app.get("/internal/metrics", tokens.valid().scope("admin").build());

      assertEquals(403, noToken.status());
      assertEquals(DENIED, noToken.challenge());
      assertEquals(403, withToken.status());
      assertEquals(before, provider.totalRequests());
    }

    @Test
    void whenNoRuleMatchesThenTheConfiguredDefaultDenies() {
      assertEquals(DENIED, app.get("/elsewhere", tokens.valid().build()).challenge());
    }

    @Test
    void whenARuleNeedsATokenAndThereIsNoneThenTheBareChallenge() {
      Reply reply = app.get("/api/orders/7");

      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }

    @Test
    void whenTheTokenIsInvalidThenThatIsReportedBeforeTheScope() {
      Reply reply = app.get("/api/orders/7", tokens.valid().scope("").without("exp").build());

      assertEquals(invalidToken(NO_EXPIRY), reply.challenge());
    }

    @Test
    void whenAnExtensionPatternMatchesThenItsScopesApply() {
      assertEquals(403, app.get("/reports/q1.pdf", tokens.valid().build()).status());
      assertEquals(
          200, app.get("/reports/q1.pdf", tokens.valid().scope("reports").build()).status());
    }

    @Test
    void whenTheMethodDiffersThenTheNextRuleDecides() {
      Reply reply =
          app.send(
              app.request("/api/orders/7")
                  .header("Authorization", "Bearer " + tokens.valid().scope("").build())
                  .DELETE());

      assertEquals(
          405, reply.status(), "authenticated by the /api/* rule; EchoServlet has no DELETE");
    }

    @Test
    void whenACorsPreflightArrivesThenItPassesWithoutAToken() {
      Reply reply =
          app.send(
              app.request("/api/orders/7")
                  .header("Origin", "https://shop.example")
                  .header("Access-Control-Request-Method", "GET")
                  .method("OPTIONS", BodyPublishers.noBody()));

      assertEquals(200, reply.status());
    }

    @Test
    void whenAnOptionsRequestIsNoPreflightThenItNeedsAToken() {
      Reply reply =
          app.send(app.request("/api/orders/7").method("OPTIONS", BodyPublishers.noBody()));

      assertEquals(401, reply.status());
    }
  }

  @Nested
  class PathTricks {

    private static GatewayApp app;

    @BeforeAll
    static void start() {
      app =
          GatewayApp.start(
              config()
                  .pathRules(
                      PathRules.builder()
                          .rule("* /api/public/* public")
                          .rule("* /api/admin/* scopes=admin")
                          .rule("* /api/secret deny")
                          .build())
                  .build());
    }

    @AfterAll
    static void stop() {
      app.close();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api/public/../admin/users",
          "/api/public/%2e%2e/admin/users",
          "/api/public/..;/admin/users",
          "/api/public;x=1/../admin/users",
          "/api/public/%2E%2E/admin/users",
          "/api/public/%2e%2e%2fadmin/users",
          "/api/public/..%2fadmin/users",
          "/api/public/.%2e/admin/users",
          "/api//public/../admin/users"
        })
    void whenAPathClimbsOutOfAPublicPrefixThenItIsNeverLetThroughWithoutAToken(String path) {
      Reply reply = app.get(path);

      assertNotEquals(200, reply.status(), reply::toString);
      assertTrue(
          reply.status() == 400 || reply.status() == 401 || reply.status() == 404, reply::toString);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"/api/secret;jsessionid=abc", "/api/secret;", "/api/%73ecret", "/api/./secret"})
    void whenAPathParameterOrEncodingDisguisesADeniedPathThenItIsStillDenied(String path) {
      Reply reply = app.get(path, tokens.valid().scope("admin").build());

      assertTrue(reply.status() == 403 || reply.status() == 400, reply::toString);
    }

    @Test
    void whenAPublicPathHasAPathParameterThenItIsStillPublic() {
      assertEquals(200, app.get("/api/public/page;jsessionid=abc").status());
    }

    @Test
    void whenNoRuleMatchesThenTheDefaultNeedsAToken() {
      assertEquals(401, app.get("/api/other").status());
    }
  }

  @Nested
  class RulesFromInitParams {

    private Map<String, String> params() {
      Map<String, String> params = new HashMap<>();
      params.put("gatehouse.issuer", provider.issuer());
      params.put("gatehouse.audiences", AUDIENCE);
      params.put("gatehouse.allow-insecure-loopback-http", "true");
      return params;
    }

    @Test
    void whenRulesAreMultiLineInitParamsThenTheyApply() {
      Map<String, String> params = params();
      params.put("gatehouse.rules", RULES);
      params.put("gatehouse.rules.default", "permit");
      try (GatewayApp app = GatewayApp.startWithInitParams(params)) {
        assertEquals(200, app.get("/elsewhere").status());
        assertEquals(403, app.get("/internal/x").status());
        assertEquals(401, app.get("/api/orders/1").status());
      }
    }

    @Test
    void whenRulesAreNumberedInitParamsThenTheyApplyInNumericOrder() {
      Map<String, String> params = params();
      params.put("gatehouse.rules.10", "* /api/public/* public");
      params.put("gatehouse.rules.2", "* /api/public/closed deny");
      params.put("gatehouse.cors-preflight", "permit");
      try (GatewayApp app = GatewayApp.startWithInitParams(params)) {
        assertEquals(403, app.get("/api/public/closed").status(), "2 comes before 10");
        assertEquals(200, app.get("/api/public/open").status());
      }
    }

    @Test
    void whenARuleCannotBeParsedThenTheFilterFailsAtStartQuotingTheLine() {
      Map<String, String> params = params();
      params.put("gatehouse.rules", "GET /a public\nPOST /b scopes\n");
      GatehouseFilter filter = new GatehouseFilter();

      ServletException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ServletException.class, () -> filter.init(FilterConfigs.of(params)));

      assertEquals(
          "Gatehouse configuration: gatehouse.rules line 2: 'POST /b scopes': unknown access"
              + " 'scopes': expected public, authenticated, deny, scopes=a,b or any=a,b",
          e.getMessage());
    }
  }
}
