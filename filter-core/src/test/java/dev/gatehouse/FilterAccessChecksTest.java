package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.insufficientScope;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.CLAIM_REQUIREMENT_UNMET;
import static dev.gatehouse.testing.Refusals.CLIENT_NOT_ALLOWED;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.authz.ClaimRequirement;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks on a verified token: its client, revocation, claim requirements, and their order. */
class FilterAccessChecksTest {

  static final String CLIENT_REFUSED = invalidToken(CLIENT_NOT_ALLOWED);
  static final String REVOKED = invalidToken(Refusals.REVOKED);
  static final String CLAIM_UNMET = invalidToken(CLAIM_REQUIREMENT_UNMET);

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  static GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  @Nested
  class Clients {

    private static ProtectedApi api;
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
      ACTIVE.addAll(List.of("app-a", "app-b", "app-gone"));
      api =
          ProtectedApi.start(
              config()
                  .clients(
                      c ->
                          c.allowed("app-a", "app-gone", "app-unregistered")
                              .registry(ACTIVE::contains))
                  .build());
    }

    @AfterAll
    static void stop() {
      api.close();
    }

    @Test
    void whenTheClientIsAllowedNotDeniedAndActiveThenAccepted() {
      Reply reply = api.get(tokens.valid().claim("azp", "app-a").build());

      assertEquals(200, reply.status());
      assertEquals("app-a", reply.echo().get("clientId"));
    }

    @Test
    void whenTheClientIdComesAsClientIdClaimThenItCountsToo() {
      assertEquals(200, api.get(tokens.valid().claim("client_id", "app-a").build()).status());
    }

    @Test
    void whenTheClientIsDeniedThen401WithTheFixedDescription() {
      try (ProtectedApi denying =
          ProtectedApi.start(config().clients(c -> c.denied("app-b")).build())) {
        Reply reply = denying.get(tokens.valid().claim("azp", "app-b").build());

        assertEquals(401, reply.status());
        assertEquals(CLIENT_REFUSED, reply.challenge());
        assertEquals(200, denying.get(tokens.valid().claim("azp", "app-a").build()).status());
      }
    }

    @Test
    void whenAClientIsBothAllowedAndDeniedThenTheConfigurationIsRefused() {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> config().clients(c -> c.allowed("app-b").denied("app-b")).build());

      assertEquals(
          "gatehouse.clients.allowed and gatehouse.clients.denied: both name 'app-b'",
          e.getMessage());
    }

    @Test
    void whenTheClientIsNotOnTheAllowListThen401() {
      assertEquals(
          CLIENT_REFUSED, api.get(tokens.valid().claim("azp", "app-z").build()).challenge());
    }

    @Test
    void whenTheTokenNamesNoClientThen401() {
      assertEquals(CLIENT_REFUSED, api.get(tokens.valid().build()).challenge());
    }

    @Test
    void whenTheRegistryNoLongerKnowsTheClientThen401() {
      assertEquals(
          CLIENT_REFUSED,
          api.get(tokens.valid().claim("azp", "app-unregistered").build()).challenge());
      String token = tokens.valid().claim("azp", "app-gone").build();
      assertEquals(200, api.get(token).status());

      ACTIVE.remove("app-gone");

      assertEquals(
          CLIENT_REFUSED,
          api.get(token).challenge(),
          "asked on every request, cached token or not");
    }

    @Test
    void whenTheClientIsRefusedThenItIsNotToldWhichScopeItLacks() {
      ProtectedApi strict =
          ProtectedApi.start(
              config().clients(c -> c.denied("app-b")).requiredScopes("admin").build());
      try (strict) {
        assertEquals(
            CLIENT_REFUSED, strict.get(tokens.valid().claim("azp", "app-b").build()).challenge());
        assertEquals(
            insufficientScope("admin"),
            strict.get(tokens.valid().claim("azp", "app-a").build()).challenge());
      }
    }

    @Test
    void whenTheRegistryCannotBeAskedThen503() {
      ProtectedApi down =
          ProtectedApi.start(
              config()
                  .clients(
                      c ->
                          c.registry(
                              id -> {
                                throw new ProviderUnavailableException(
                                    Cause.STORE_UNAVAILABLE, Duration.ofSeconds(5), null);
                              }))
                  .build());
      try (down) {
        Reply reply = down.get(tokens.valid().claim("azp", "app-a").build());

        assertEquals(503, reply.status());
        assertEquals("5", reply.header("Retry-After"));
      }
    }
  }

  @Nested
  class RequiredClaims {

    @Test
    void whenClaimsAreRequiredInCodeThenEachIsChecked() {
      GatehouseConfig config =
          config()
              .requireClaim("org_id", "acme", "beta")
              .requireClaim(ClaimRequirement.matching("email_verified", Boolean.TRUE::equals))
              .build();
      try (ProtectedApi api = ProtectedApi.start(config)) {
        assertEquals(
            200,
            api.get(tokens.valid().claim("org_id", "acme").claim("email_verified", true).build())
                .status());
        assertEquals(
            CLAIM_UNMET,
            api.get(tokens.valid().claim("org_id", "evil").claim("email_verified", true).build())
                .challenge());
        assertEquals(
            CLAIM_UNMET,
            api.get(tokens.valid().claim("org_id", "acme").claim("email_verified", "true").build())
                .challenge());
        assertEquals(CLAIM_UNMET, api.get(tokens.valid().build()).challenge());
      }
    }

    @Test
    void whenClaimsAreRequiredInInitParamsThenStringsAndArraysAreChecked() {
      Map<String, String> params = new HashMap<>();
      params.put("gatehouse.issuer", provider.issuer());
      params.put("gatehouse.audiences", AUDIENCE);
      params.put("gatehouse.allow-insecure-loopback-http", "true");
      params.put("gatehouse.required-claims.https://gatehouse.test/tier", "gold, platinum");
      params.put("gatehouse.required-claims.groups", "api-users");
      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        String good =
            tokens
                .valid()
                .claim("https://gatehouse.test/tier", "gold")
                .claim("groups", List.of("staff", "api-users"))
                .build();
        String wrongTier =
            tokens
                .valid()
                .claim("https://gatehouse.test/tier", "bronze")
                .claim("groups", List.of("api-users"))
                .build();
        String noGroup = tokens.valid().claim("https://gatehouse.test/tier", "platinum").build();

        assertEquals(200, api.get(good).status());
        assertEquals(CLAIM_UNMET, api.get(wrongTier).challenge());
        assertEquals(CLAIM_UNMET, api.get(noGroup).challenge());
      }
    }
  }
}
