package dev.gatehouse.cdi;

import static dev.gatehouse.testing.Challenges.BARE;
import static dev.gatehouse.testing.Challenges.insufficientScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.cdi.TestBeans.AnyCaller;
import dev.gatehouse.cdi.TestBeans.Orders;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.servlet.ServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @RequiresScopes} on bean methods and classes: allowed with the scopes, refused without,
 * and refused exactly as the filter refuses (403 {@code insufficient_scope} naming the scope).
 */
class RequiresScopesTest {

  private static CdiApi api;
  private static TestTokens tokens;

  @BeforeAll
  static void start() {
    api = CdiApi.start(Orders.class, AnyCaller.class);
    tokens = api.tokens();
    Orders orders = api.bean(Orders.class);
    api.route("/api/orders", orders::list);
    api.route("/api/orders/place", orders::place);
    api.route("/api/greet", api.bean(AnyCaller.class)::greet);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Nested
  class OverHttpBehindTheFilter {

    @Test
    void whenTheTokenHasTheScopeThenTheMethodRuns() {
      Reply reply = api.get("/api/orders", tokens.valid().scope("read:orders").build());
      assertEquals(200, reply.status(), reply::toString);
      assertEquals("orders listed", reply.body());
    }

    @Test
    void whenTheTokenLacksTheScopeThen403InsufficientScopeLikeTheFilter() {
      Reply reply = api.get("/api/orders", tokens.valid().scope("read write").build());
      assertEquals(403, reply.status());
      assertEquals(insufficientScope("read:orders"), reply.challenge());
      assertEquals(
          "{\"error\":\"insufficient_scope\",\"error_description\":\"The access token lacks a"
              + " required scope.\",\"scope\":\"read:orders\"}",
          reply.body(),
          "the filter's error body, not the method's answer");
    }

    @Test
    void whenTheMethodAddsAScopeToTheClassesThenBothAreNeeded() {
      Reply readOnly = api.get("/api/orders/place", tokens.valid().scope("read:orders").build());
      assertEquals(insufficientScope("read:orders write:orders"), readOnly.challenge());
      Reply writeOnly = api.get("/api/orders/place", tokens.valid().scope("write:orders").build());
      assertEquals(insufficientScope("read:orders write:orders"), writeOnly.challenge());
      Reply both =
          api.get("/api/orders/place", tokens.valid().scope("read:orders write:orders").build());
      assertEquals(200, both.status(), both::toString);
      assertEquals("order placed", both.body());
    }

    @Test
    void whenNoScopeIsNamedThenAnyVerifiedTokenWill() {
      assertEquals("hello", api.get("/api/greet", tokens.valid().scope("").build()).body());
    }

    @Test
    void whenThereIsNoTokenThenTheFilterAnswersFirstWithABareChallenge() {
      Reply reply = api.get("/api/orders", null);
      assertEquals(401, reply.status());
      assertEquals(BARE, reply.challenge());
    }
  }

  @Nested
  class InProcess {

    @Test
    void whenTheScopeIsMissingThenInsufficientScopeNamingTheRequiredScopes() {
      BearerTokenException refused =
          refusal(withScopes("read:orders"), () -> api.bean(Orders.class).refund());
      assertEquals(Rejection.INSUFFICIENT_SCOPE, refused.rejection());
      assertEquals(Set.of("read:orders", "refund:orders"), refused.requiredScopes());
    }

    @Test
    void whenTheRequestHasNoTokenThenMissingTokenEvenWithoutRequiredScopes() {
      BearerTokenException refused =
          refusal(Requests.withoutToken(), () -> api.bean(AnyCaller.class).greet());
      assertEquals(Rejection.MISSING_TOKEN, refused.rejection());
    }

    @Test
    void whenNoRequestIsActiveThenContextNotActive() {
      Orders orders = api.bean(Orders.class);
      assertThrows(ContextNotActiveException.class, orders::list);
    }
  }

  private static ServletRequest withScopes(String... scopes) {
    return Requests.withToken(Requests.token("alice", Set.of(scopes)));
  }

  private static BearerTokenException refusal(ServletRequest request, Supplier<?> call) {
    RequestContextController requestContext = api.requestContext();
    requestContext.activate();
    try {
      api.bean(CurrentRequest.class).bind(request);
      return assertThrows(BearerTokenException.class, call::get);
    } finally {
      requestContext.deactivate();
    }
  }
}
