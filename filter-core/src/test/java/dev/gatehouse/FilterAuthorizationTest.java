package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.insufficientScope;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After verification: required scopes, application rules, and refusals from the servlet. */
class FilterAuthorizationTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  @Nested
  class RequiredScopesInTheConfiguration {

    private static ProtectedApi api;

    @BeforeAll
    static void start() {
      api = ProtectedApi.start(config().requiredScopes("read", "admin").build());
    }

    @AfterAll
    static void stop() {
      api.close();
    }

    @Test
    void whenAScopeIsMissingThen403NamingAllRequiredScopesSorted() {
      Reply reply = api.get(tokens.valid().scope("read write").build());

      assertEquals(403, reply.status());
      assertEquals(insufficientScope("admin read"), reply.challenge());
      assertEquals(
          "{\"error\":\"insufficient_scope\",\"error_description\":\"The access token lacks a"
              + " required scope.\",\"scope\":\"admin read\"}",
          reply.body());
    }

    @Test
    void whenAllScopesArePresentAcrossScopeClaimsThenAllowed() {
      String token = tokens.valid().scope("read").claim("permissions", List.of("admin")).build();

      assertEquals(200, api.get(token).status());
    }

    @Test
    void whenTheTokenIsInvalidThenThatIsReportedRatherThanTheScope() {
      Reply reply = api.get(tokens.valid().without("exp").build());

      assertEquals(401, reply.status());
    }
  }

  @Nested
  class RefusalsFromTheApplication {

    private static ProtectedApi api;

    @BeforeAll
    static void start() {
      api = ProtectedApi.start(config().build());
    }

    @AfterAll
    static void stop() {
      api.close();
    }

    @Test
    void whenTheServletRequiresAScopeTheTokenLacksThen403Challenge() {
      Reply reply = api.get("/api/admin", tokens.valid().build());

      assertEquals(403, reply.status());
      assertEquals(insufficientScope("admin"), reply.challenge());
      assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void whenTheServletRequiresAScopeTheTokenHasThenItAnswers() {
      Reply reply = api.get("/api/admin", tokens.valid().scope("admin").build());

      assertEquals(200, reply.status());
      assertEquals("true", reply.echo().get("inRole.admin"));
    }
  }

  @Nested
  class AccessRules {

    private static ProtectedApi api;

    @BeforeAll
    static void start() {
      api =
          ProtectedApi.start(
              config()
                  .requiredScopes("read")
                  .accessRule(
                      (request, token) -> {
                        if ("POST".equals(request.getMethod()) && !token.hasScope("write")) {
                          throw new BearerTokenException(
                              Rejection.INSUFFICIENT_SCOPE, Set.of("read", "write"));
                        }
                      })
                  .build());
    }

    @AfterAll
    static void stop() {
      api.close();
    }

    @Test
    void whenTheRuleRefusesThen403WithTheScopesItNames() {
      Reply reply =
          api.send(
              api.request("/api/echo")
                  .header("Authorization", "Bearer " + tokens.valid().scope("read").build())
                  .POST(BodyPublishers.noBody()));

      assertEquals(403, reply.status());
      assertEquals(insufficientScope("read write"), reply.challenge());
    }

    @Test
    void whenTheRuleAllowsThenTheRequestPasses() {
      assertEquals(200, api.get(tokens.valid().scope("read").build()).status());
    }

    @Test
    void whenRequiredScopesFailThenTheRuleIsNotAsked() {
      Reply reply = api.get(tokens.valid().scope("write").build());

      assertEquals(403, reply.status());
      assertEquals(insufficientScope("read"), reply.challenge());
    }
  }
}
