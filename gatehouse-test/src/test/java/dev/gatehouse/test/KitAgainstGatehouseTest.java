package dev.gatehouse.test;

import static dev.gatehouse.test.GatehouseAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.Rejection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit's tokens and provider against the real GatehouseFilter: what it mints valid is accepted,
 * each wrong token is refused for the reason it is named after, and rotation, outage and the clock
 * do to Gatehouse what they would do with a real provider.
 */
class KitAgainstGatehouseTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  @Test
  void whenSignedWithEachAlgorithmThenAccepted(Tokens tokens) throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      for (SigningAlgorithm alg : SigningAlgorithm.values()) {
        HttpResponse<String> response =
            app.get(tokens.valid().subject(alg.name()).signedWith(alg).build());
        assertThat(response).isAccepted();
        assertEquals(alg.name(), response.body());
      }
    }
  }

  @Test
  void whenEachNamedMistakeIsMadeThenRefusedForThatReason(Tokens tokens) throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      assertThat(app.get(tokens.expired().build())).isRefused(Rejection.EXPIRED);
      assertThat(app.get(tokens.wrongAudience().build())).isRefused(Rejection.WRONG_AUDIENCE);
      assertThat(app.get(tokens.wrongIssuer().build())).isRefused(Rejection.WRONG_ISSUER);
      assertThat(app.get(tokens.otherKey().build())).isRefused(Rejection.UNKNOWN_KEY);
      assertThat(app.get(tokens.valid().notBeforeIn(Duration.ofMinutes(10)).build()))
          .isRefused(Rejection.NOT_YET_VALID);
      assertThat(app.get(tokens.unsigned())).isRefused(Rejection.MALFORMED_TOKEN);
      assertThat(app.get(tokens.hmacWithPublicKey())).isRefused(Rejection.UNSUPPORTED_ALGORITHM);
      assertThat(app.get(tokens.tampered())).isRefused(Rejection.INVALID_SIGNATURE);
    }
  }

  @Test
  void whenAForgerySignsWithAnotherKeyThenItsKidDecidesBetweenInvalidSignatureAndUnknownKey(
      Tokens tokens) throws Exception {
    String genuine = tokens.valid().build();
    String genuineKid =
        (String)
            JsonUtil.parseJson(
                    new String(
                        java.util.Base64.getUrlDecoder().decode(genuine.split("\\.")[0]),
                        java.nio.charset.StandardCharsets.UTF_8))
                .get("kid");
    var attacker = Forgeries.attackerKey();
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      assertThat(app.get(Forgeries.signedBy(genuine, attacker, genuineKid)))
          .isRefused(Rejection.INVALID_SIGNATURE);
      assertThat(app.get(Forgeries.signedBy(genuine, attacker, "nobody-published-this")))
          .isRefused(Rejection.UNKNOWN_KEY);
    }
  }

  @Test
  void whenAnotherLibraryAssertsThenChallengesSpellWhatGatehouseSends(Tokens tokens)
      throws Exception {
    Map<String, String> settings = new java.util.HashMap<>(kit.provider().settings());
    settings.put("gatehouse.required-scopes", "write:orders,read:orders");
    try (ProtectedApp app = ProtectedApp.withInitParams(settings)) {
      assertEquals(
          Challenges.of(Rejection.EXPIRED),
          app.get(tokens.expired().build()).headers().firstValue("WWW-Authenticate").orElseThrow());
      // Every required scope is named, sorted, whichever the token lacked.
      assertEquals(
          Challenges.insufficientScope("write:orders", "read:orders"),
          app.get(tokens.valid().build()).headers().firstValue("WWW-Authenticate").orElseThrow());
      assertThat(app.get(tokens.valid().scopes("read:orders").build()))
          .isRefused(Rejection.INSUFFICIENT_SCOPE)
          .withChallenge(Challenges.insufficientScope("read:orders", "write:orders"));
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Challenges.of(Rejection.MISSING_TOKEN));
  }

  @Test
  void whenOnlyRs256IsConfiguredThenTheOtherAlgorithmsAreRefused(Tokens tokens) throws Exception {
    GatehouseConfig rs256Only =
        GatehouseConfig.forIssuer(kit.provider().issuer())
            .audiences("https://api.example.com")
            .allowInsecureLoopbackHttp()
            .build();
    try (ProtectedApp app = ProtectedApp.withConfig(rs256Only)) {
      assertThat(app.get(tokens.valid().build())).isAccepted();
      assertThat(app.get(tokens.valid().signedWith(SigningAlgorithm.PS256).build()))
          .isRefused(Rejection.UNSUPPORTED_ALGORITHM);
    }
  }

  @Test
  void whenTheTokenEndpointIssuesATokenThenGatehouseAcceptsIt() throws Exception {
    HttpResponse<String> issued =
        LocalOpenIdProviderTest.post(
            kit.provider().tokenEndpoint(),
            "grant_type=client_credentials&scope=read:orders",
            LocalOpenIdProviderTest.basic("test-client", "test-secret"));
    String token = (String) JsonUtil.parseJson(issued.body()).get("access_token");

    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      HttpResponse<String> response = app.get(token);
      assertThat(response).isAccepted();
      assertEquals("test-client", response.body());
    }
  }

  @Test
  void whenTheProviderRotatesAndWithdrawsTheOldKeyThenNewTokensAreAcceptedAndOldOnesRefused(
      Tokens tokens) throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      String signedBefore = tokens.valid().build();
      assertThat(app.get(signedBefore)).isAccepted();
      int fetches = kit.provider().jwksRequests();

      kit.provider().rotateKeys();
      kit.provider().withdrawRetiredKeys();

      // An unknown kid makes Gatehouse fetch the JWKS again (within its cooldown's budget).
      assertThat(app.get(tokens.valid().build())).isAccepted();
      assertEquals(fetches + 1, kit.provider().jwksRequests());
      assertThat(app.get(signedBefore)).isRefused(Rejection.UNKNOWN_KEY);
    }
  }

  @Test
  void whenTheJwksIsDownAndANewKeyAppearsThenUnavailableNotAccepted(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      assertThat(app.get(tokens.valid().build())).isAccepted();
      kit.provider().takeJwksDown();
      kit.provider().rotateKeys();

      HttpResponse<String> response = app.get(tokens.valid().build());

      assertThat(response).isUnavailable();
    }
  }

  @Test
  void whenTheWholeProviderIsDownThenTokensWithKnownKeysStillPassAndNewKeysGet503(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      assertThat(app.get(tokens.valid().build())).isAccepted();
      kit.provider().takeDown();
      try {
        assertThat(app.get(tokens.valid().build())).isAccepted();
        kit.provider().rotateKeys();
        assertThat(app.get(tokens.valid().build())).isUnavailable();
      } finally {
        kit.provider().bringBack();
      }
    }
  }

  @Test
  void whenGatehouseSharesTheProvidersClockThenMovingItExpiresATokenWithoutWaiting(Tokens tokens)
      throws Exception {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(kit.provider().issuer())
            .audiences("https://api.example.com")
            .allowInsecureLoopbackHttp()
            .clock(kit.provider().clock())
            .build();
    try (ProtectedApp app = ProtectedApp.withConfig(config)) {
      String token = tokens.valid().expiresIn(Duration.ofMinutes(5)).build();
      assertThat(app.get(token)).isAccepted();

      kit.provider().clock().advance(Duration.ofMinutes(10));

      assertThat(app.get(token)).isRefused(Rejection.EXPIRED);
    }
  }

  @Test
  void whenGatehouseIntrospectsOpaqueTokensThenActiveOnesPassAndRevokedOnesAreRefused(Tokens tokens)
      throws Exception {
    Map<String, String> settings =
        kit.provider().settingsWithIntrospection("gatehouse-api", "api-secret");
    settings = new java.util.HashMap<>(settings);
    settings.put("gatehouse.introspection.negative-cache-duration", "PT0S");
    try (ProtectedApp app = ProtectedApp.withInitParams(settings)) {
      String opaque = kit.provider().opaqueToken(tokens.valid().subject("carol"));
      String revoked = kit.provider().opaqueToken(tokens.valid().subject("dave"));
      kit.provider().revoke(revoked);

      int introspections = kit.provider().introspectionRequests();
      HttpResponse<String> response = app.get(opaque);
      assertThat(response).isAccepted();
      assertEquals("carol", response.body());
      assertEquals(introspections + 1, kit.provider().introspectionRequests());
      assertThat(app.get(opaque)).isAccepted();
      assertEquals(introspections + 1, kit.provider().introspectionRequests(), "cached");
      assertThat(app.get(revoked)).isRefused(Rejection.TOKEN_INACTIVE);
    }
  }
}
