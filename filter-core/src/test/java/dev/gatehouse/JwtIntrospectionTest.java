package dev.gatehouse;

import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_ID;
import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_SECRET;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.testing.Challenges;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.Refusals;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gatehouse.introspection.jwts}: a JWT that passes its own checks is also asked about at the
 * introspection endpoint, so a token revoked at the authorization server stops within the short JWT
 * answer lifetime instead of at {@code exp}.
 */
class JwtIntrospectionTest {

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  private LocalIntrospectionServer server;

  @BeforeEach
  void start() {
    server = LocalIntrospectionServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private IntrospectionConfig.Builder introspection() {
    return IntrospectionConfig.forEndpoint(server.endpoint())
        .clientCredentials(CLIENT_ID, CLIENT_SECRET)
        .timeout(Duration.ofSeconds(2));
  }

  private ProtectedApi api(IntrospectionConfig.Builder settings) {
    return ProtectedApi.start(
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .introspection(settings.build())
            .build());
  }

  private static Map<String, Object> active() {
    return Map.of("sub", TestTokens.SUBJECT, "exp", System.currentTimeMillis() / 1000 + 300);
  }

  @Test
  void whenTheAuthorizationServerSaysActiveThenTheJwtPassesAndTheAnswerIsReused() {
    String jwt = tokens.valid().build();
    server.activate(jwt, active());
    try (ProtectedApi api = api(introspection().introspectJwts(Duration.ofSeconds(30)))) {

      assertEquals(200, api.get(jwt).status());
      assertEquals(200, api.get(jwt).status());

      assertEquals(1, server.calls(jwt), "one call within the JWT answer lifetime");
    }
  }

  @Test
  void whenTheTokenWasRevokedAtTheAuthorizationServerThenTheNextRequestIsRefused() {
    String jwt = tokens.valid().build();
    server.activate(jwt, active());
    try (ProtectedApi api = api(introspection().introspectJwts(Duration.ZERO))) {
      assertEquals(200, api.get(jwt).status());

      server.deactivate(jwt);
      Reply reply = api.get(jwt);

      assertEquals(401, reply.status());
      assertEquals(Challenges.invalidToken(Refusals.INACTIVE), reply.challenge());
    }
  }

  @Test
  void whenTheEndpointFailsThenTheJwtIsNotAcceptedAndTheAnswerIs503() {
    String jwt = tokens.valid().build();
    server.mode(LocalIntrospectionServer.Mode.FAIL);
    try (ProtectedApi api = api(introspection().introspectJwts(Duration.ofSeconds(30)))) {

      assertEquals(503, api.get(jwt).status());
    }
  }

  @Test
  void whenTheJwtFailsItsOwnChecksThenTheEndpointIsNeverAsked() {
    String forged = tokens.valid().signedWith(TestKeys.RSA_NEXT).build();
    String foreign = tokens.valid().audience("another-api").build();
    try (ProtectedApi api = api(introspection().introspectJwts(Duration.ofSeconds(30)))) {

      assertEquals(401, api.get(forged).status());
      assertEquals(401, api.get(foreign).status());

      assertEquals(0, server.totalCalls());
    }
  }

  @Test
  void whenTheOptionIsOffThenAJwtIsNeverSentToTheEndpoint() {
    String jwt = tokens.valid().build();
    try (ProtectedApi api = api(introspection())) {

      assertEquals(200, api.get(jwt).status());

      assertEquals(0, server.totalCalls());
    }
  }

  @Test
  void whenSeveralIssuersAreTrustedThenJwtIntrospectionIsAConfigurationError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GatehouseConfig.forIssuer(provider.issuer())
                    .audiences(AUDIENCE)
                    .allowInsecureLoopbackHttp()
                    .trustIssuer(
                        TrustedIssuer.forIssuer("https://second.issuer.test/")
                            .publicKey(TestKeys.pem(TestKeys.RSA_NEXT))
                            .build())
                    .introspection(introspection().introspectJwts(Duration.ofSeconds(30)).build())
                    .build());

    assertTrue(e.getMessage().startsWith("gatehouse.introspection.jwts"), e.getMessage());
  }

  @Test
  void whenTheSettingsSwitchItOnThenJwtAnswersLastThirtySecondsUnlessTold() {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put("gatehouse.issuer", provider.issuer());
    settings.put("gatehouse.audiences", AUDIENCE);
    settings.put("gatehouse.allow-insecure-loopback-http", "true");
    settings.put("gatehouse.introspection.endpoint", server.endpoint().toString());
    settings.put("gatehouse.introspection.client-id", CLIENT_ID);
    settings.put("gatehouse.introspection.client-secret", CLIENT_SECRET);
    settings.put("gatehouse.introspection.jwts", "true");

    GatehouseConfig config = new ConfigBinder(PropertyLookup.of(settings)).bind();
    settings.put("gatehouse.introspection.jwt-cache-duration", "10s");
    GatehouseConfig told = new ConfigBinder(PropertyLookup.of(settings)).bind();
    settings.remove("gatehouse.introspection.jwts");
    IllegalArgumentException alone =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConfigBinder(PropertyLookup.of(settings)).bind());

    assertEquals(
        Duration.ofSeconds(30),
        config.introspection().orElseThrow().jwtCacheDuration().orElseThrow());
    assertEquals(
        Duration.ofSeconds(10),
        told.introspection().orElseThrow().jwtCacheDuration().orElseThrow());
    assertTrue(
        alone.getMessage().startsWith("gatehouse.introspection.jwt-cache-duration"),
        alone.getMessage());
  }

  @Test
  void whenTheJwtAnswerLifetimeIsLongerThanFiveMinutesThenTheSettingIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> introspection().introspectJwts(Duration.ofMinutes(6)).build());

    assertTrue(e.getMessage().startsWith("gatehouse.introspection.jwt-cache-duration"));
  }
}
