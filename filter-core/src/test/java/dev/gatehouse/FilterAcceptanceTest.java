package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static dev.gatehouse.testing.TestTokens.SUBJECT;
import static dev.gatehouse.testing.TestTokens.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a request with a valid token gets through to, and what the application then sees. */
class FilterAcceptanceTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());
  private static ProtectedApi api;

  @BeforeAll
  static void start() {
    api = ProtectedApi.start(config().build());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  @Nested
  class WhenTheTokenIsValid {

    @Test
    void thenTheRequestReachesTheServletWithTheCallerExposed() {
      Reply reply = api.get(tokens.valid().build());

      assertEquals(200, reply.status(), reply::toString);
      Map<String, String> echo = reply.echo();
      assertEquals(SUBJECT, echo.get("principal"));
      assertEquals(SUBJECT, echo.get("remoteUser"));
      assertEquals("Bearer", echo.get("authType"));
      assertEquals("true", echo.get("inRole.read"));
      assertEquals("false", echo.get("inRole.admin"));
      assertEquals("[read, write]", echo.get("scopes"));
      assertEquals("[read, write]", echo.get("scopesAttribute"));
      assertEquals(SUBJECT, echo.get("subject"));
      assertEquals(provider.issuer(), echo.get("issuer"));
      assertEquals("[" + AUDIENCE + "]", echo.get("audiences"));
      assertEquals("null", echo.get("clientId"));
      assertEquals(null, reply.challenge());
    }

    @Test
    void thenTheSchemeNameIsCaseInsensitive() {
      Reply reply =
          api.send(
              api.request("/api/echo").header("Authorization", "bearer " + tokens.valid().build()));

      assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void thenCustomClaimsAreReadable() {
      Reply reply = api.get(tokens.valid().claim("https://gatehouse.test/tier", "gold").build());

      assertEquals("gold", reply.echo().get("claim.custom"));
    }
  }

  @Nested
  class Scopes {

    @Test
    void whenSpreadOverScopeScpAndPermissionsThenAllAreMergedInThatOrder() {
      String token =
          tokens
              .valid()
              .scope("read write")
              .claim("scp", list("admin"))
              .claim("permissions", list("orders:read", "read"))
              .build();

      Map<String, String> echo = api.get(token).echo();

      assertEquals("[read, write, admin, orders:read]", echo.get("scopes"));
      assertEquals("[orders:read, read]", echo.get("permissions"));
      assertEquals("true", echo.get("inRole.admin"));
    }

    @Test
    void whenScpIsASpaceSeparatedStringThenItIsSplit() {
      String token = tokens.valid().without("scope").claim("scp", "read admin").build();

      assertEquals("[read, admin]", api.get(token).echo().get("scopes"));
    }

    @Test
    void whenTheTokenHasNoScopesThenItStillPassesWithNone() {
      Reply reply = api.get(tokens.valid().without("scope").build());

      assertEquals(200, reply.status());
      assertEquals("[]", reply.echo().get("scopes"));
      assertEquals("false", reply.echo().get("inRole.read"));
    }
  }

  @Nested
  class ClientId {

    @Test
    void whenAzpIsPresentThenItIsTheClientId() {
      String token = tokens.valid().claim("azp", "spa-client").claim("client_id", "other").build();

      assertEquals("spa-client", api.get(token).echo().get("clientId"));
    }

    @Test
    void whenOnlyClientIdIsPresentThenItIsTheClientId() {
      String token = tokens.valid().claim("client_id", "m2m-client").build();

      assertEquals("m2m-client", api.get(token).echo().get("clientId"));
    }
  }

  @Nested
  class Audience {

    @Test
    void whenAudIsAStringThenItMustEqualOurs() {
      assertEquals(200, api.get(tokens.valid().audience(AUDIENCE).build()).status());
    }

    @Test
    void whenAudIsAnArrayThenOneEntryMustBeOurs() {
      String token =
          tokens.valid().audience(list("https://tenant.auth0.com/userinfo", AUDIENCE)).build();

      Reply reply = api.get(token);

      assertEquals(200, reply.status());
      assertEquals(
          "[https://tenant.auth0.com/userinfo, " + AUDIENCE + "]", reply.echo().get("audiences"));
    }

    @Test
    void whenSeveralAudiencesAreConfiguredThenAnyOfThemIsEnough() {
      try (ProtectedApi two = ProtectedApi.start(config().audiences("urn:other-api").build())) {
        assertEquals(200, two.get(tokens.valid().audience("urn:other-api").build()).status());
        assertEquals(200, two.get(tokens.valid().build()).status());
      }
    }
  }

  @Nested
  class TokenType {

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "at+jwt", "at+JWT", "application/at+jwt"})
    void whenTypNamesAnAccessTokenThenAccepted(String typ) {
      assertEquals(200, api.get(tokens.valid().typ(typ).build()).status());
    }

    @Test
    void whenTypIsAbsentThenAccepted() {
      assertEquals(200, api.get(tokens.valid().withoutHeader("typ").build()).status());
    }
  }

  @Nested
  class Algorithms {

    @Test
    void whenEs256IsAllowedThenAnEcSignedTokenPasses() {
      try (ProtectedApi ec = ProtectedApi.start(config().algorithms("RS256", "ES256").build())) {
        assertEquals(200, ec.get(tokens.valid().signedWith(TestKeys.EC).build()).status());
        assertEquals(200, ec.get(tokens.valid().build()).status());
      }
    }

    @Test
    void whenEdDsaIsAllowedThenAnEd25519SignedTokenPasses() {
      try (ProtectedApi ed = ProtectedApi.start(config().algorithms("EdDSA").build())) {
        assertEquals(200, ed.get(tokens.valid().signedWith(TestKeys.ED25519).build()).status());
      }
    }

    @Test
    void whenTheTokenHasNoKidThenTheTrustedKeyThatVerifiesIsUsed() {
      assertEquals(200, api.get(tokens.valid().withoutHeader("kid").build()).status());
    }
  }
}
