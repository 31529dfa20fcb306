package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the token cannot be checked (discovery or keys unavailable and nothing cached): 503 with
 * {@code Retry-After}, never a pass, and the provider is not asked again before the cooldown.
 */
class FilterProviderOutageTest {

  private static final String UNAVAILABLE_BODY =
      "{\"error\":\"temporarily_unavailable\",\"error_description\":\"The access token cannot be"
          + " checked right now.\"}";

  private static GatehouseConfigBuilder config(LocalJwksServer provider) {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp();
  }

  private static void assertUnavailable(Reply reply, String retryAfter) {
    assertEquals(503, reply.status(), reply::toString);
    assertEquals(retryAfter, reply.header("Retry-After"));
    assertEquals(UNAVAILABLE_BODY, reply.body());
    assertEquals("no-store", reply.header("Cache-Control"));
    assertNull(reply.challenge(), "a 503 is not a challenge to the client's credentials");
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"FAIL", "GARBAGE", "WRONG_SHAPE"})
  void whenDiscoveryFailsThen503AndTheProviderIsNotAskedAgainBeforeTheCooldown(Mode mode) {
    try (LocalJwksServer provider = LocalJwksServer.start().discoveryMode(mode);
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      TestTokens tokens = new TestTokens(provider.issuer());

      assertUnavailable(api.get(tokens.valid().build()), "30");
      for (int i = 0; i < 5; i++) {
        Reply again = api.get(tokens.valid().build());
        assertEquals(503, again.status());
        long retryAfter = Long.parseLong(again.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, again::toString);
      }
      assertEquals(1, provider.discoveryRequests());
      assertEquals(0, provider.jwksRequests());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"FAIL", "GARBAGE", "WRONG_SHAPE"})
  void whenTheKeySetCannotBeHadThen503(Mode mode) {
    try (LocalJwksServer provider = LocalJwksServer.start().jwksMode(mode);
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      TestTokens tokens = new TestTokens(provider.issuer());

      assertUnavailable(api.get(tokens.valid().build()), "30");
      assertEquals(503, api.get(tokens.valid().build()).status());
      assertEquals(1, provider.jwksRequests());
    }
  }

  @Test
  void whenNothingListensAtTheIssuerThen503() {
    LocalJwksServer gone = LocalJwksServer.start();
    gone.close();
    try (ProtectedApi api = ProtectedApi.start(config(gone).build())) {
      assertUnavailable(api.get(new TestTokens(gone.issuer()).valid().build()), "30");
    }
  }

  @Test
  void whenDiscoveryNamesAnotherIssuerThen503AndNoKeysAreFetched() {
    try (LocalJwksServer provider =
            LocalJwksServer.start().advertiseIssuer("https://impostor.example/");
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      assertUnavailable(api.get(new TestTokens(provider.issuer()).valid().build()), "30");
      assertEquals(0, provider.jwksRequests());
    }
  }

  @Test
  void whenDiscoveryNamesAPlainHttpJwksUriOffLoopbackThen503AndNothingIsFetched() {
    try (LocalJwksServer provider =
            LocalJwksServer.start().advertiseJwksUri("http://keys.example/jwks");
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      assertUnavailable(api.get(new TestTokens(provider.issuer()).valid().build()), "30");
    }
  }

  @Test
  void whenDiscoveryNamesNoJwksUriThen503() {
    try (LocalJwksServer provider = LocalJwksServer.start().advertiseJwksUri("");
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      assertEquals(503, api.get(new TestTokens(provider.issuer()).valid().build()).status());
    }
  }

  @Test
  void whenTheProviderRecoversThenTheNextRequestAfterTheCooldownPasses() {
    Duration cooldown = Duration.ofSeconds(30);
    MutableClock clock = new MutableClock(Instant.now());
    try (LocalJwksServer provider = LocalJwksServer.start().discoveryMode(Mode.FAIL);
        ProtectedApi api =
            ProtectedApi.start(
                config(provider).keys(k -> k.refreshCooldown(cooldown)).clock(clock).build())) {
      TestTokens tokens = new TestTokens(provider.issuer());
      assertUnavailable(api.get(tokens.validAt(clock.instant()).build()), "30");

      provider.discoveryMode(Mode.OK);
      clock.advance(cooldown.minusSeconds(1));
      assertUnavailable(api.get(tokens.validAt(clock.instant()).build()), "1");
      clock.advance(Duration.ofSeconds(1));

      assertEquals(200, api.get(tokens.validAt(clock.instant()).build()).status());
      assertEquals(2, provider.discoveryRequests());
    }
  }

  @Test
  void whenAConfiguredJwksUriIsDownThen503WithoutAnyDiscovery() {
    try (LocalJwksServer provider = LocalJwksServer.start().jwksMode(Mode.FAIL);
        ProtectedApi api =
            ProtectedApi.start(config(provider).jwksUri(provider.jwksUri()).build())) {
      assertUnavailable(api.get(new TestTokens(provider.issuer()).valid().build()), "30");
      assertEquals(0, provider.discoveryRequests());
    }
  }

  @Test
  void whenTheTokenAlgorithmIsRefusedThenItIsRefusedEvenWhileTheProviderIsDown() {
    try (LocalJwksServer provider = LocalJwksServer.start().discoveryMode(Mode.FAIL);
        ProtectedApi api = ProtectedApi.start(config(provider).build())) {
      String token =
          new TestTokens(provider.issuer()).valid().hmacWithPublicKeyOf(TestKeys.RSA).build();

      assertEquals(401, api.get(token).status());
      assertEquals(0, provider.totalRequests());
    }
  }
}
