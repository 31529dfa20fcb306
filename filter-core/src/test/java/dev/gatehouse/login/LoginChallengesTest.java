package dev.gatehouse.login;

import static dev.gatehouse.login.LocalOidcProvider.CLIENT_ID;
import static dev.gatehouse.login.LocalOidcProvider.CLIENT_SECRET;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login filter's refusals of API calls are the bearer filter's: the same status, the same
 * challenges of both schemes (DPoP {@code algs}, {@code resource_metadata}) and the same exposed
 * headers, request for request, with one configuration in front of both.
 */
class LoginChallengesTest {

  private static final String RESOURCE = "https://api.gatehouse.test";
  private static final String METADATA =
      "resource_metadata=\"https://api.gatehouse.test/.well-known/oauth-protected-resource\"";

  private static TestClock clock;
  private static LocalOidcProvider provider;
  private static TestTokens tokens;

  @BeforeAll
  static void startProvider() {
    clock = new TestClock();
    provider = LocalOidcProvider.start(clock);
    tokens = new TestTokens(provider.issuer());
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  private static GatehouseConfig api() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .clock(clock)
        .protectedResource(r -> r.resource(URI.create(RESOURCE)))
        .pathRules(
            PathRules.builder()
                .rule("GET /app/admin/* scopes=admin")
                .rule("GET /api/admin/* scopes=admin")
                .rule("GET /app/pay/* authenticated dpop=required")
                .rule("GET /api/pay/* authenticated dpop=required")
                .build())
        .build();
  }

  private static LoginConfig login() {
    return LoginConfig.forClient(CLIENT_ID, CLIENT_SECRET, "/app/callback")
        .loginPaths("/app/*")
        .audience(AUDIENCE)
        .build();
  }

  /** What a client is told: status, challenges, and the headers a browser may read. */
  private static String answer(HttpResponse<String> response) {
    return response.statusCode()
        + " "
        + response.headers().allValues("WWW-Authenticate")
        + " "
        + response.headers().allValues("Access-Control-Expose-Headers");
  }

  private record Call(String path, UnaryOperator<HttpRequest.Builder> headers) {}

  @Test
  void whenAnApiCallIsRefusedThenTheLoginFilterAnswersAsTheBearerFilterDoes() {
    String expired = tokens.valid().expiresAt(clock.instant().minusSeconds(600)).build();
    String user = tokens.valid().build();
    String bound = tokens.valid().claim("cnf", Map.of("jkt", "bound-key-thumbprint")).build();
    List<Call> calls =
        List.of(
            new Call("/orders", r -> r),
            new Call("/orders", r -> r.header("Authorization", "Bearer " + expired)),
            new Call("/admin/x", r -> r.header("Authorization", "Bearer " + user)),
            new Call("/pay/x", r -> r.header("Authorization", "Bearer " + user)),
            new Call("/pay/x", r -> r),
            new Call("/orders", r -> r.header("Authorization", "Bearer " + bound)),
            new Call("/orders", r -> r.header("Authorization", "DPoP " + bound)),
            new Call("/orders", r -> r.header("Authorization", "Basic dXNlcjpwYXNz")));
    GatehouseConfig config = api();
    try (LoginApp login = LoginApp.start(config, login());
        ProtectedApi bearer = ProtectedApi.start(config)) {
      for (Call call : calls) {
        HttpRequest.Builder viaLogin =
            HttpRequest.newBuilder(login.uri("/app" + call.path()))
                .header("Accept", "application/json");
        HttpResponse<String> fromLogin = new Browser().send(call.headers().apply(viaLogin));
        HttpResponse<String> fromBearer =
            bearer.send(call.headers().apply(bearer.request("/api" + call.path()))).response();

        assertEquals(answer(fromBearer), answer(fromLogin), call.path());
        assertTrue(
            fromLogin.headers().firstValue("WWW-Authenticate").orElse("").contains(METADATA),
            () -> "no resource_metadata: " + answer(fromLogin));
      }
    }
  }
}
