package dev.gatehouse.cdi;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.INVALID_CLAIMS;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cdi.TestBeans.NeedsLevel;
import dev.gatehouse.cdi.TestBeans.PerRequest;
import dev.gatehouse.cdi.TestBeans.Shared;
import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @Inject AccessToken}, {@code @Inject @Caller Principal} and {@code @Inject @Claim}, in
 * Weld SE behind the real filter: each request sees its own token, whatever the scope of the bean
 * that holds the injection.
 */
class TokenInjectionTest {

  private static CdiApi api;
  private static TestTokens tokens;

  @BeforeAll
  static void start() {
    api = CdiApi.start(PerRequest.class, NeedsLevel.class, Shared.class);
    tokens = api.tokens();
    api.route("/api/per-request", () -> api.bean(PerRequest.class).describe());
    api.route("/api/level", () -> api.bean(NeedsLevel.class).level());
    Shared shared = api.bean(Shared.class);
    api.route("/api/shared/token", shared::tokenSubject);
    api.route("/api/shared/caller", shared::callerName);
    api.route("/api/shared/claim", shared::subjectClaim);
    api.route("/api/shared/provider", shared::emailVerified);
    api.route("/api/shared/select", () -> shared.selectedClaim("email"));
    api.route("/api/shared/wrong-type", shared::subjectAsNumber);
    api.route("/public/shared/token", shared::tokenSubject);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String tokenFor(String subject) {
    return tokens.valid().claim("sub", subject).build();
  }

  @Nested
  class InAnApplicationScopedBean {

    @Test
    void whenTwoRequestsCarryDifferentTokensThenEachSeesItsOwnToken() {
      assertEquals("alice", api.get("/api/shared/token", tokenFor("alice")).body());
      assertEquals("bob", api.get("/api/shared/token", tokenFor("bob")).body());
      assertEquals("alice", api.get("/api/shared/token", tokenFor("alice")).body());
    }

    @Test
    void whenTwoRequestsCarryDifferentTokensThenEachSeesItsOwnCaller() {
      assertEquals("alice", api.get("/api/shared/caller", tokenFor("alice")).body());
      assertEquals("bob", api.get("/api/shared/caller", tokenFor("bob")).body());
    }

    @Test
    void whenAClaimIsReadThroughInstanceThenEachRequestGetsItsOwnValue() {
      assertEquals("alice", api.get("/api/shared/claim", tokenFor("alice")).body());
      assertEquals("bob", api.get("/api/shared/claim", tokenFor("bob")).body());
    }

    @Test
    void whenAClaimIsReadThroughProviderThenItIsTheCurrentRequestsValue() {
      String verified = tokens.valid().claim("email_verified", true).build();
      assertEquals("Optional[true]", api.get("/api/shared/provider", verified).body());
      assertEquals("Optional.empty", api.get("/api/shared/provider", tokenFor("bob")).body());
    }

    @Test
    void whenAClaimIsSelectedWithTheLiteralThenItsValueIsAnswered() {
      String token = tokens.valid().claim("email", "alice@example.test").build();
      assertEquals("alice@example.test", api.get("/api/shared/select", token).body());
    }

    @Test
    void whenTheClaimHasAnotherJsonTypeThen401InvalidToken() {
      Reply reply = api.get("/api/shared/wrong-type", tokenFor("alice"));
      assertEquals(401, reply.status());
      assertEquals(invalidToken(INVALID_CLAIMS), reply.challenge());
    }
  }

  @Nested
  class InARequestScopedBean {

    @Test
    void whenClaimsArePresentThenEachTypeIsInjected() {
      String token =
          tokens
              .valid()
              .claim("sub", "alice")
              .claim("email_verified", false)
              .claim("roles", List.of("admin", "buyer", "admin"))
              .build();
      Reply reply = api.get("/api/per-request", token);
      assertEquals(200, reply.status(), reply::toString);
      Map<String, String> values = reply.echo();
      assertEquals("alice", values.get("token.subject"));
      assertEquals("alice", values.get("caller"));
      assertEquals("alice", values.get("subject"));
      assertEquals("alice", values.get("optionalSubject"));
      assertEquals("true", values.get("expiryMatchesToken"));
      assertEquals(values.get("expiry"), values.get("optionalExpiry"));
      assertEquals("false", values.get("emailVerified"));
      assertEquals("false", values.get("emailVerifiedPrimitive"));
      assertEquals("[admin, buyer]", values.get("roleSet"));
      assertEquals("[admin, buyer, admin]", values.get("roleList"));
      assertEquals("[" + AUDIENCE + "]", values.get("audienceAsList"), "one string, one element");
    }

    @Test
    void whenAClaimIsAbsentThenNullEmptyOptionalAndEmptySet() {
      String token = tokens.valid().claim("email_verified", true).build();
      Map<String, String> values = api.get("/api/per-request", token).echo();
      assertEquals("null", values.get("absent"));
      assertEquals("Optional.empty", values.get("absentOptional"));
      assertEquals("[]", values.get("absentSet"));
      assertEquals("[]", values.get("roleSet"));
    }

    @Test
    void whenAPrimitiveClaimIsAbsentThen401InvalidTokenRatherThanZero() {
      Reply reply = api.get("/api/level", tokens.valid().build());
      assertEquals(401, reply.status());
      assertEquals(invalidToken(INVALID_CLAIMS), reply.challenge());
      assertEquals("7", api.get("/api/level", tokens.valid().claim("level", 7).build()).body());
    }

    @Test
    void whenAClaimHoldsAnArrayWithANonStringThen401InvalidToken() {
      String token =
          tokens.valid().claim("email_verified", true).claim("roles", List.of("a", 1)).build();
      Reply reply = api.get("/api/per-request", token);
      assertEquals(401, reply.status());
      assertEquals(invalidToken(INVALID_CLAIMS), reply.challenge());
    }
  }

  @Nested
  class WithoutAVerifiedToken {

    @Test
    void whenTheFilterDoesNotGuardThePathThenUsingTheTokenFailsInsteadOfServingAnonymously() {
      Reply reply = api.get("/public/shared/token", tokenFor("alice"));
      assertEquals(500, reply.status(), "no filter to answer 401, so the container answers 500");
    }

    @Test
    void whenTheBoundRequestHasNoTokenThenMissingToken() {
      BearerTokenException refused =
          refusedInRequest(Requests.withoutToken(), () -> api.bean(Shared.class).tokenSubject());
      assertEquals(Rejection.MISSING_TOKEN, refused.rejection());
    }

    @Test
    void whenTheRequestHasNoTokenThenTheCallerAndClaimsAreRefusedToo() {
      Shared shared = api.bean(Shared.class);
      assertEquals(
          Rejection.MISSING_TOKEN,
          refusedInRequest(Requests.withoutToken(), shared::callerName).rejection());
      assertEquals(
          Rejection.MISSING_TOKEN,
          refusedInRequest(Requests.withoutToken(), shared::subjectClaim).rejection());
    }

    @Test
    void whenARequestContextIsActiveButNoRequestIsBoundThenMissingToken() {
      RequestContextController requestContext = api.requestContext();
      requestContext.activate();
      try {
        BearerTokenException refused =
            assertThrows(BearerTokenException.class, api.bean(Shared.class)::tokenSubject);
        assertEquals(Rejection.MISSING_TOKEN, refused.rejection());
      } finally {
        requestContext.deactivate();
      }
    }

    @Test
    void whenNoRequestIsActiveThenContextNotActive() {
      Shared shared = api.bean(Shared.class);
      assertThrows(ContextNotActiveException.class, shared::tokenSubject);
      assertThrows(ContextNotActiveException.class, shared::callerName);
      assertThrows(ContextNotActiveException.class, shared::subjectClaim);
    }
  }

  @Nested
  class BindingARequest {

    @Test
    void whenABoundTokenIsReadThenItIsThatRequestsToken() {
      var request = Requests.withToken(Requests.token("carol", Set.of()));
      RequestContextController requestContext = api.requestContext();
      requestContext.activate();
      try {
        api.bean(CurrentRequest.class).bind(request);
        assertEquals("carol", api.bean(Shared.class).tokenSubject());
        assertEquals("carol", api.bean(Shared.class).subjectClaim());
      } finally {
        requestContext.deactivate();
      }
    }

    @Test
    void whenTheContextIsAlreadyBoundToAnotherRequestThenBindingIsRefused() {
      RequestContextController requestContext = api.requestContext();
      requestContext.activate();
      try {
        CurrentRequest current = api.bean(CurrentRequest.class);
        current.bind(Requests.withToken(Requests.token("carol", Set.of())));
        var other = Requests.withToken(Requests.token("mallory", Set.of()));
        assertThrows(IllegalStateException.class, () -> current.bind(other));
        assertEquals("carol", api.bean(Shared.class).tokenSubject());
      } finally {
        requestContext.deactivate();
      }
    }
  }

  @Nested
  class InAnInstanceMadeOutsideCdi {

    @Test
    void whenAServletLikeInstanceHoldsTheTokenThenEachRequestSeesItsOwn() {
      TestBeans.ServletLike servlet = api.unmanaged(TestBeans.ServletLike.class);
      assertEquals("carol", inRequest(withSubject("carol"), () -> servlet.token.subject().get()));
      assertEquals("dave", inRequest(withSubject("dave"), () -> servlet.token.subject().get()));
    }

    @Test
    void whenItInjectsARawClaimThenInjectionFailsNamingTheFix() {
      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class,
              () ->
                  inRequest(
                      withSubject("carol"),
                      () -> api.unmanaged(TestBeans.ServletLikeWithRawClaim.class)));
      assertTrue(
          failure.getMessage().contains("outside CDI (such as a servlet)"), failure.getMessage());
      assertTrue(failure.getMessage().contains("Inject Instance<java.lang.String>"));
    }

    @Test
    void whenAClaimIsLookedUpThroughCdiCurrentThenItIsTheCurrentRequestsValue() {
      assertEquals(
          "carol",
          inRequest(withSubject("carol"), () -> api.lookup(String.class, Claim.Literal.of("sub"))));
    }
  }

  private static jakarta.servlet.ServletRequest withSubject(String subject) {
    return Requests.withToken(Requests.token(subject, Set.of()));
  }

  /** Runs {@code action} in a request context bound to {@code request}. */
  private static <T> T inRequest(jakarta.servlet.ServletRequest request, Supplier<T> action) {
    RequestContextController requestContext = api.requestContext();
    requestContext.activate();
    try {
      api.bean(CurrentRequest.class).bind(request);
      return action.get();
    } finally {
      requestContext.deactivate();
    }
  }

  private static BearerTokenException refusedInRequest(
      jakarta.servlet.ServletRequest request, Supplier<?> action) {
    RequestContextController requestContext = api.requestContext();
    requestContext.activate();
    try {
      api.bean(CurrentRequest.class).bind(request);
      return assertThrows(BearerTokenException.class, action::get);
    } finally {
      requestContext.deactivate();
    }
  }
}
