package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.WRONG_AUDIENCE;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Several trusted issuers (Auth0 custom domains, tenants): {@code iss} picks one, each with its own
 * audiences and keys, and an issuer that is not configured is never contacted.
 */
class FilterIssuersTest {

  static final String AUDIENCE_B = "urn:tenant-b:api";
  static final String WRONG_ISSUER = invalidToken(Refusals.WRONG_ISSUER);

  private LocalJwksServer tenantA;
  private LocalJwksServer tenantB;
  private LocalJwksServer stranger;
  private TestTokens a;
  private TestTokens b;
  private TestTokens c;

  @BeforeEach
  void start() {
    tenantA = LocalJwksServer.start();
    tenantB = LocalJwksServer.start().keys(TestKeys.RSA_NEXT);
    stranger = LocalJwksServer.start();
    a = new TestTokens(tenantA.issuer());
    b = new TestTokens(tenantB.issuer());
    c = new TestTokens(stranger.issuer());
  }

  @AfterEach
  void stop() {
    tenantA.close();
    tenantB.close();
    stranger.close();
  }

  private GatehouseConfig twoTenants() {
    return GatehouseConfig.forIssuer(tenantA.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .trustIssuer(TrustedIssuer.forIssuer(tenantB.issuer()).audiences(AUDIENCE_B).build())
        .build();
  }

  @Nested
  class InCode {

    @Test
    void whenEachIssuerSignsWithItsOwnKeyForItsOwnAudienceThenBothAreAccepted() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        Reply fromA = api.get(a.valid().build());
        Reply fromB = api.get(b.valid().audience(AUDIENCE_B).signedWith(TestKeys.RSA_NEXT).build());

        assertEquals(200, fromA.status());
        assertEquals(tenantA.issuer(), fromA.echo().get("issuer"));
        assertEquals(200, fromB.status());
        assertEquals(tenantB.issuer(), fromB.echo().get("issuer"));
      }
    }

    @Test
    void whenATokenNamesAnUnconfiguredIssuerThen401AndThatIssuerIsNeverContacted() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        Reply reply = api.get(c.valid().build());

        assertEquals(401, reply.status());
        assertEquals(WRONG_ISSUER, reply.challenge());
        assertEquals(0, stranger.totalRequests());
        assertEquals(0, tenantA.totalRequests() + tenantB.totalRequests());
      }
    }

    @Test
    void whenATokenHasNoIssuerThen401WrongIssuer() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        assertEquals(WRONG_ISSUER, api.get(a.valid().without("iss").build()).challenge());
        assertEquals(WRONG_ISSUER, api.get(a.valid().claim("iss", 7).build()).challenge());
      }
    }

    @Test
    void whenTheAudienceOfOneIssuerIsUsedWithAnotherThen401WrongAudience() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        Reply reply = api.get(b.valid().signedWith(TestKeys.RSA_NEXT).build());

        assertEquals(invalidToken(WRONG_AUDIENCE), reply.challenge());
      }
    }

    @Test
    void whenATokenClaimsOneIssuerButIsSignedWithTheOthersKeyThen401() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        Reply reply = api.get(b.valid().audience(AUDIENCE_B).build());

        assertEquals(401, reply.status());
        assertEquals(invalidToken(UNKNOWN_KEY), reply.challenge());
      }
    }

    @Test
    void whenOnlyOneIssuersTokensArriveThenTheOtherIsNotContacted() {
      try (ProtectedApi api = ProtectedApi.start(twoTenants())) {
        api.get(a.valid().build());

        assertEquals(0, tenantB.totalRequests());
      }
    }

    @Test
    void whenAnIssuerHasNoAudiencesOfItsOwnThenItUsesTheConfiguredOnes() {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(tenantA.issuer())
              .audiences(AUDIENCE)
              .allowInsecureLoopbackHttp()
              .trustIssuer(TrustedIssuer.forIssuer(tenantB.issuer()).build())
              .build();
      try (ProtectedApi api = ProtectedApi.start(config)) {
        assertEquals(200, api.get(b.valid().signedWith(TestKeys.RSA_NEXT).build()).status());
      }
    }

    @Test
    void whenAnIssuerHasAStaticKeyThenItIsNeverFetched() {
      GatehouseConfig config =
          GatehouseConfig.forIssuers(
                  TrustedIssuer.forIssuer(tenantA.issuer()).audiences(AUDIENCE).build(),
                  TrustedIssuer.forIssuer("tenant-b.example.com")
                      .audiences(AUDIENCE_B)
                      .publicKey(TestKeys.pem(TestKeys.EC))
                      .build())
              .algorithms("RS256", "ES256")
              .allowInsecureLoopbackHttp()
              .build();
      TestTokens custom = new TestTokens("https://tenant-b.example.com/");
      try (ProtectedApi api = ProtectedApi.start(config)) {
        assertEquals(
            200,
            api.get(custom.valid().audience(AUDIENCE_B).signedWith(TestKeys.EC).build()).status());
        assertEquals(200, api.get(a.valid().build()).status());
      }
    }

    @Test
    void whenTheSameIssuerIsConfiguredTwiceThenBuildFails() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  GatehouseConfig.forIssuer(tenantA.issuer())
                      .audiences(AUDIENCE)
                      .allowInsecureLoopbackHttp()
                      .trustIssuer(TrustedIssuer.named("again", tenantA.issuer()).build())
                      .build());

      assertEquals(
          "gatehouse.issuers.again.issuer: '" + tenantA.issuer() + "' is already trusted",
          e.getMessage());
    }
  }

  @Nested
  class FromInitParams {

    private Map<String, String> params() {
      Map<String, String> params = new HashMap<>();
      params.put("gatehouse.issuers", "a, b");
      params.put("gatehouse.issuers.a.issuer", tenantA.issuer());
      params.put("gatehouse.issuers.b.issuer", tenantB.issuer());
      params.put("gatehouse.issuers.b.audiences", AUDIENCE_B);
      params.put("gatehouse.issuers.b.jwks-uri", tenantB.jwksUri().toString());
      params.put("gatehouse.audiences", AUDIENCE);
      params.put("gatehouse.allow-insecure-loopback-http", "true");
      return params;
    }

    @Test
    void whenIssuersAreNamedThenEachGetsItsOwnSettings() {
      try (ProtectedApi api = ProtectedApi.startWithInitParams(params())) {
        assertEquals(200, api.get(a.valid().build()).status());
        assertEquals(
            200,
            api.get(b.valid().audience(AUDIENCE_B).signedWith(TestKeys.RSA_NEXT).build()).status());
        assertEquals(
            401,
            api.get(b.valid().signedWith(TestKeys.RSA_NEXT).build()).status(),
            "b has its own audience");
        assertEquals(0, tenantB.discoveryRequests(), "b's JWKS URL replaces discovery");
        assertEquals(WRONG_ISSUER, api.get(c.valid().build()).challenge());
        assertEquals(0, stranger.totalRequests());
      }
    }

    @Test
    void whenTheSingleIssuerKeysAreUsedTooThenThatIssuerComesFirstAndTheNamedOnesAreAdded() {
      Map<String, String> params = params();
      params.put("gatehouse.issuers", "b");
      params.put("gatehouse.issuer", tenantA.issuer());
      try (ProtectedApi api = ProtectedApi.startWithInitParams(params)) {
        assertEquals(200, api.get(a.valid().build()).status());
        assertEquals(
            200,
            api.get(b.valid().audience(AUDIENCE_B).signedWith(TestKeys.RSA_NEXT).build()).status());
      }
    }

    @Test
    void whenANamedIssuerLacksItsUrlThenInitFailsNamingTheKey() {
      Map<String, String> params = params();
      params.remove("gatehouse.issuers.b.issuer");

      Exception e =
          assertThrows(Exception.class, () -> new GatehouseFilter().init(FilterConfigs.of(params)));

      assertTrue(
          e.getMessage().contains("gatehouse.issuers.b.issuer: required for each name"),
          e.getMessage());
    }
  }
}
