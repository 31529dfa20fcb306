package dev.gatehouse;

import static dev.gatehouse.testing.Refusals.INVALID_CLAIMS;
import static dev.gatehouse.testing.Refusals.PRINCIPAL_CLAIM_MISSING;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.GatewayApp;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keycloak-shaped tokens through the filter configured by init-params: roles from nested claims
 * ({@code gatehouse.scope-claims} paths) and the caller named by {@code gatehouse.principal-claim}.
 */
class FilterNestedClaimsTest {

  private static final String USER_ID = "f3b1c0de-5a1e-4c2b-9d7e-0123456789ab";

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  private static Map<String, String> settings(String... more) {
    Map<String, String> p = new HashMap<>();
    p.put("gatehouse.issuer", provider.issuer());
    p.put("gatehouse.audiences", AUDIENCE);
    p.put("gatehouse.allow-insecure-loopback-http", "true");
    for (int i = 0; i < more.length; i += 2) {
      p.put(more[i], more[i + 1]);
    }
    return p;
  }

  /** What Keycloak issues for a user: a UUID subject, the user name, roles in nested claims. */
  private static TestTokens.Builder keycloakUser() {
    return tokens
        .valid()
        .claim("sub", USER_ID)
        .scope("openid profile")
        .claim("preferred_username", "alice")
        .claim("realm_access", Map.of("roles", List.of("read", "offline_access")))
        .claim(
            "resource_access",
            Map.of(
                "orders-api", Map.of("roles", List.of("admin")),
                "billing", Map.of("roles", List.of("refund"))));
  }

  @Nested
  class RolesFromNestedClaims {

    private static GatewayApp app;
    private static GatewayApp byDefault;

    @BeforeAll
    static void start() {
      app =
          GatewayApp.startWithInitParams(
              settings(
                  "gatehouse.scope-claims",
                  "scope,realm_access.roles,resource_access.orders-api.roles,"
                      + "https://example.com/roles"));
      byDefault = GatewayApp.startWithInitParams(settings());
    }

    @AfterAll
    static void stop() {
      app.close();
      byDefault.close();
    }

    @Test
    void whenRealmRolesAreNamedByTheirPathThenTheyAnswerIsUserInRole() {
      Map<String, String> seen = app.get("/api/orders", keycloakUser().build()).echo();

      assertEquals("true", seen.get("inRole.read"));
    }

    @Test
    void whenOneClientsRolesAreNamedThenOnlyThatClientsRolesCount() {
      Map<String, String> seen = app.get("/api/orders", keycloakUser().build()).echo();

      assertEquals("true", seen.get("inRole.admin"));
      assertEquals(
          "[openid, profile, read, offline_access, admin]", seen.get("scopes"), "not billing's");
    }

    @Test
    void whenNoPathIsConfiguredThenNestedRolesAreNotScopes() {
      Map<String, String> seen = byDefault.get("/api/orders", keycloakUser().build()).echo();

      assertEquals("false", seen.get("inRole.read"));
      assertEquals("[openid, profile]", seen.get("scopes"));
    }

    @Test
    void whenAClaimNameContainsDotsThenTheExactTopLevelNameWinsOverThePath() {
      String token =
          tokens
              .valid()
              .scope("")
              .claim("https://example.com/roles", List.of("read"))
              .claim("https://example", Map.of("com/roles", List.of("admin")))
              .build();

      Map<String, String> seen = app.get("/api/orders", token).echo();

      assertEquals("true", seen.get("inRole.read"));
      assertEquals("false", seen.get("inRole.admin"));
    }

    @Test
    void whenANestedRoleIsNotAStringThenTheTokenIsRefusedAsForAnyScopeClaim() {
      String token =
          keycloakUser().claim("realm_access", Map.of("roles", List.of("read", 7))).build();

      assertRejected(INVALID_CLAIMS, app.get("/api/orders", token));
    }

    @Test
    void whenThePathLeadsThroughSomethingOtherThanAnObjectThenItAddsNothing() {
      String token = keycloakUser().claim("realm_access", "read").build();

      Map<String, String> seen = app.get("/api/orders", token).echo();

      assertEquals("false", seen.get("inRole.read"));
      assertEquals("true", seen.get("inRole.admin"));
    }
  }

  @Nested
  class PrincipalClaim {

    private static GatewayApp app;
    private static GatewayApp nested;
    private static GatewayApp byDefault;

    @BeforeAll
    static void start() {
      app =
          GatewayApp.startWithInitParams(
              settings(
                  "gatehouse.principal-claim", "preferred_username",
                  "gatehouse.identity-headers", "true"));
      nested =
          GatewayApp.startWithInitParams(
              settings("gatehouse.principal-claim", "https://example.com/profile.login"));
      byDefault = GatewayApp.startWithInitParams(settings("gatehouse.identity-headers", "true"));
    }

    @AfterAll
    static void stop() {
      app.close();
      nested.close();
      byDefault.close();
    }

    @Test
    void whenThePrincipalClaimIsPreferredUsernameThenTheCallerIsNamedByIt() {
      Map<String, String> seen = app.get("/api/orders", keycloakUser().build()).echo();

      assertEquals("alice", seen.get("principal"));
      assertEquals("alice", seen.get("remoteUser"));
      assertEquals("alice", seen.get("principalAttribute"), "what CDI's @Caller returns");
      assertEquals(USER_ID, seen.get("subject"), "AccessToken.subject() stays sub");
    }

    @Test
    void whenIdentityHeadersAreForwardedThenTheSubjectHeaderCarriesThePrincipalName() {
      Map<String, String> seen = app.get("/headers/me", keycloakUser().build()).echo();

      assertEquals("alice", seen.get("header.X-Auth-Subject"));
    }

    @Test
    void whenTheConfiguredPrincipalClaimIsMissingThenTheTokenIsRefusedNotNamedBySub() {
      String token = keycloakUser().without("preferred_username").build();

      assertRejected(PRINCIPAL_CLAIM_MISSING, app.get("/api/orders", token));
    }

    @Test
    void whenThePrincipalClaimIsNotAStringThenTheTokenIsRefused() {
      for (Object value : List.of(42, List.of("alice"), Map.of("name", "alice"), "")) {
        String token = keycloakUser().claim("preferred_username", value).build();

        assertRejected(PRINCIPAL_CLAIM_MISSING, app.get("/api/orders", token));
      }
    }

    @Test
    void whenThePrincipalClaimIsAPathThenItIsReadAsScopeClaimPathsAre() {
      String token =
          keycloakUser()
              .claim("https://example.com/profile", Map.of("login", "alice.smith"))
              .build();

      assertEquals("alice.smith", nested.get("/api/orders", token).echo().get("principal"));
    }

    @Test
    void whenNothingIsConfiguredThenTheCallerIsSubAsBefore() {
      Map<String, String> seen = byDefault.get("/api/orders", keycloakUser().build()).echo();

      assertEquals(USER_ID, seen.get("principal"));
      String header =
          byDefault.get("/headers/me", keycloakUser().build()).echo().get("header.X-Auth-Subject");
      assertEquals(USER_ID, header);
    }

    @Test
    void whenNothingIsConfiguredAndTheTokenHasNoSubThenItIsNamedByItsClientAsBefore() {
      String token = tokens.valid().without("sub").claim("azp", "machine-client").build();

      Reply reply = byDefault.get("/api/orders", token);

      assertAccepted(reply);
      assertEquals("machine-client", reply.echo().get("principal"));
      assertEquals(
          "",
          byDefault.get("/headers/me", token).echo().get("header.X-Auth-Subject"),
          "the subject header carries the claim, never the client standing in for it");
    }
  }
}
