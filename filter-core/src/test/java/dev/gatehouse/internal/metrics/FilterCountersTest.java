package dev.gatehouse.internal.metrics;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.authz.PathRules;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real requests through the filter in Jetty, against a local provider, and the counters they leave
 * behind, read over JMX as an operator would.
 */
class FilterCountersTest {

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private final TestTokens tokens = new TestTokens(provider.issuer());

  private GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .pathRules(
            PathRules.builder().rule("GET /api/public public").rule("* /api/closed deny").build());
  }

  @Test
  void whenRequestsPassOrAreRefusedThenEachCountsOnceUnderItsOutcomeAndReason() {
    try (MeteredApi api = MeteredApi.start("counted", config().build())) {
      assertEquals(200, api.get("echo", tokens.valid().build()));
      assertEquals(200, api.get("public", null));
      assertEquals(401, api.get("echo", null));
      assertEquals(
          401,
          api.get(
              "echo",
              tokens.valid().signedWith(TestKeys.ATTACKER).kid(TestKeys.RSA.getKeyId()).build()));
      assertEquals(
          401, api.get("echo", tokens.valid().expiresAt(Instant.now().minusSeconds(600)).build()));
      assertEquals(401, api.get("echo", tokens.valid().audience("someone-else").build()));
      assertEquals(400, api.get("echo", "not a token"));
      assertEquals(403, api.get("closed", tokens.valid().build()));

      assertEquals(1, api.jmx("requests.accepted"));
      assertEquals(1, api.jmx("requests.public"));
      assertEquals(1, api.jmx("requests.rejected.missing_token"));
      assertEquals(1, api.jmx("requests.rejected.invalid_signature"));
      assertEquals(1, api.jmx("requests.rejected.expired"));
      assertEquals(1, api.jmx("requests.rejected.wrong_audience"));
      assertEquals(1, api.jmx("requests.rejected.malformed_authorization"));
      assertEquals(1, api.jmx("requests.rejected.path_denied"));
      assertEquals(6, api.jmx("requests.rejected"));
      assertEquals(0, api.jmx("requests.unavailable"));
    }
  }

  @Test
  void whenTheApplicationRefusesDownstreamThenTheRefusalIsCountedWithItsReason() {
    try (MeteredApi api = MeteredApi.start("downstream", config().build())) {
      assertEquals(403, api.get("admin", tokens.valid().scope("read").build()));

      assertEquals(1, api.jmx("requests.accepted"), "the filter itself let it through");
      assertEquals(1, api.jmx("requests.rejected.insufficient_scope"));
    }
  }

  @Test
  void whenTheSameTokenComesAgainThenTheSecondIsACacheHit() {
    try (MeteredApi api = MeteredApi.start("cached", config().build())) {
      String token = tokens.valid().build();
      assertEquals(200, api.get("echo", token));
      assertEquals(200, api.get("echo", token));
      assertEquals(200, api.get("echo", tokens.valid().claim("jti", "another").build()));

      assertEquals(1, api.jmx("token.cache.hit"));
      assertEquals(2, api.jmx("token.cache.miss"));
      assertEquals(3, api.jmx("requests.accepted"));
      assertEquals(1, api.jmx("jwks.fetches.ok"), "one key set served all three");
      assertEquals(1, api.jmx("discovery.fetches.ok"));
      assertEquals(0, api.jmx("jwks.fetches.failed"));
    }
  }

  @Test
  void whenTheTokenCacheIsOffThenNothingIsCountedAsHitOrMiss() {
    try (MeteredApi api = MeteredApi.start("uncached", config().tokenCache(0, 64 * 1024).build())) {
      String token = tokens.valid().build();
      api.get("echo", token);
      api.get("echo", token);

      assertEquals(2, api.jmx("requests.accepted"));
      assertEquals(0, api.jmx("token.cache.hit") + api.jmx("token.cache.miss"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"FAIL", "GARBAGE"})
  void whenTheKeySetCannotBeHadThen503IsCountedWithTheFailedFetch(Mode mode) {
    provider.jwksMode(mode);
    try (MeteredApi api = MeteredApi.start("keys-down", config().build())) {
      assertEquals(503, api.get("echo", tokens.valid().build()));
      assertEquals(503, api.get("echo", tokens.valid().build()));

      assertEquals(2, api.jmx("requests.unavailable.keys_unavailable"));
      assertEquals(2, api.jmx("requests.unavailable"));
      assertEquals(1, api.jmx("jwks.fetches.failed"), "the second request was within the cooldown");
      assertEquals(0, api.jmx("jwks.fetches.ok"));
      assertEquals(1, api.jmx("discovery.fetches.ok"));
      assertEquals(0, api.jmx("requests.accepted"));
    }
  }

  @Test
  void whenDiscoveryFailsThen503IsCountedWithTheFailedDiscovery() {
    provider.discoveryMode(Mode.FAIL);
    try (MeteredApi api = MeteredApi.start("discovery-down", config().build())) {
      assertEquals(503, api.get("echo", tokens.valid().build()));

      assertEquals(1, api.jmx("requests.unavailable.discovery_failed"));
      assertEquals(1, api.jmx("discovery.fetches.failed"));
      assertEquals(0, api.jmx("jwks.fetches.ok") + api.jmx("jwks.fetches.failed"));
    }
  }

  @Test
  void whenATokenNamesAnUnknownKeyThenTheRefreshIsCountedAsAFetch() {
    provider.keys(TestKeys.RSA_NEXT);
    try (MeteredApi api =
        MeteredApi.start(
            "rotation", config().keys(k -> k.refreshCooldown(Duration.ofSeconds(1))).build())) {
      assertEquals(401, api.get("echo", tokens.valid().build()));
      provider.keys(TestKeys.RSA);
      assertEquals(200, api.get("echo", tokens.valid().build()));

      assertEquals(1, api.jmx("requests.rejected.unknown_key"));
      assertEquals(
          3, api.jmx("jwks.fetches.ok"), "the first set, its refetch for the kid, the new key");
    }
  }

  @Test
  void whenOpaqueTokensAreIntrospectedThenCallsAreCountedByOutcomeAndRepeatsAsHits() {
    try (LocalIntrospectionServer introspection = LocalIntrospectionServer.start();
        MeteredApi api =
            MeteredApi.start(
                "opaque", config().introspection(introspection(introspection)).build())) {
      introspection.activate(
          "opaque-active",
          Map.of("sub", "u", "exp", Instant.now().plusSeconds(600).getEpochSecond()));
      introspection.deactivate("opaque-inactive");

      assertEquals(200, api.get("echo", "opaque-active"));
      assertEquals(200, api.get("echo", "opaque-active"));
      assertEquals(401, api.get("echo", "opaque-inactive"));
      introspection.mode(LocalIntrospectionServer.Mode.FAIL);
      assertEquals(503, api.get("echo", "opaque-unknown"));

      assertEquals(1, api.jmx("introspection.calls.active"));
      assertEquals(1, api.jmx("introspection.calls.refused"));
      assertEquals(1, api.jmx("introspection.calls.failed"));
      assertEquals(1, api.jmx("introspection.cache.hit"));
      assertEquals(3, api.jmx("introspection.cache.miss"));
      assertEquals(1, api.jmx("requests.rejected.token_inactive"));
      assertEquals(1, api.jmx("requests.unavailable.introspection_failed"));
      assertEquals(3, introspection.totalCalls());
    }
  }

  private static IntrospectionConfig introspection(LocalIntrospectionServer server) {
    return IntrospectionConfig.forEndpoint(server.endpoint())
        .clientCredentials(
            LocalIntrospectionServer.CLIENT_ID, LocalIntrospectionServer.CLIENT_SECRET)
        .build();
  }
}
