package dev.gatehouse.internal.introspection;

import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_ID;
import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.ClientAuthentication;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.LocalIntrospectionServer.Mode;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7662 introspection: the request, the mapping, the cache, single flight and outages. */
class IntrospectionVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String OPAQUE = "k7Qv~opaque+token/value=";

  private LocalIntrospectionServer server;
  private final MutableClock clock = new MutableClock(NOW);

  @BeforeEach
  void start() {
    server = LocalIntrospectionServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private IntrospectionConfig.Builder settings() {
    return IntrospectionConfig.forEndpoint(server.endpoint())
        .clientCredentials(CLIENT_ID, CLIENT_SECRET)
        .timeout(Duration.ofSeconds(2));
  }

  private IntrospectionVerifier verifier(IntrospectionConfig config) {
    return new IntrospectionVerifier(
        config,
        List.of("scope", "scp", "permissions"),
        clock,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        16 * 1024);
  }

  private IntrospectionVerifier verifier() {
    return verifier(settings().build());
  }

  private Map<String, Object> activeFor(Duration lifetime) {
    return Map.of(
        "sub", "user-42",
        "scope", "read:orders write:orders",
        "client_id", "partner-app",
        "iat", NOW.getEpochSecond(),
        "exp", NOW.plus(lifetime).getEpochSecond(),
        "jti", "tok-1",
        "application_name", "Partner Portal",
        "api_product_list", List.of("gold", "silver"));
  }

  private Rejection rejection(IntrospectionVerifier verifier, String token) {
    return assertThrows(BearerTokenException.class, () -> verifier.verify(token)).rejection();
  }

  @Nested
  class Mapping {

    @Test
    void whenAScopeClaimIsANestedPathThenTheResponsesNestedRolesAreScopes() {
      Map<String, Object> response = new HashMap<>(activeFor(Duration.ofMinutes(10)));
      response.put("realm_access", Map.of("roles", List.of("orders-reader")));
      response.put("https://example.com/roles", List.of("tier-gold"));
      server.activate(OPAQUE, response);
      IntrospectionVerifier verifier =
          new IntrospectionVerifier(
              settings().build(),
              List.of("scope", "realm_access.roles", "https://example.com/roles"),
              clock,
              Duration.ofSeconds(30),
              Duration.ofSeconds(2),
              16 * 1024);

      AccessToken token = verifier.verify(OPAQUE);

      assertEquals(
          Set.of("read:orders", "write:orders", "orders-reader", "tier-gold"), token.scopes());
    }

    @Test
    void whenActiveThenTheResponseBecomesAnAccessToken() {
      server.activate(OPAQUE, activeFor(Duration.ofMinutes(10)));

      AccessToken token = verifier().verify(OPAQUE);

      assertEquals("user-42", token.subject().orElseThrow());
      assertEquals(Set.of("read:orders", "write:orders"), token.scopes());
      assertEquals("partner-app", token.clientId().orElseThrow());
      assertEquals(NOW, token.issuedAt().orElseThrow());
      assertEquals(NOW.plus(Duration.ofMinutes(10)), token.expiresAt());
      assertEquals("tok-1", token.tokenId().orElseThrow());
      assertEquals(server.endpoint().toString(), token.issuer(), "no iss: the endpoint stands in");
      assertEquals("Partner Portal", token.claim("application_name").orElseThrow());
      assertEquals(List.of("gold", "silver"), token.claim("api_product_list").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"refresh_token", "Refresh", "id_token", "N_A", "mac"})
    void whenAnActiveRefreshOrOtherNonBearerTokenIsPresentedThen401NotAnAccessToken(String type) {
      Map<String, Object> response = new HashMap<>(activeFor(Duration.ofMinutes(10)));
      response.put("token_type", type);
      server.activate(OPAQUE, response);

      assertEquals(Rejection.UNSUPPORTED_TOKEN_TYPE, rejection(verifier(), OPAQUE));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Bearer",
          "bearer",
          "DPoP",
          "access_token",
          "urn:ietf:params:oauth:token-type:access_token"
        })
    void whenTheTokenTypeNamesABearerAccessTokenThenItIsAccepted(String type) {
      Map<String, Object> response = new HashMap<>(activeFor(Duration.ofMinutes(10)));
      response.put("token_type", type);
      server.activate(OPAQUE, response);

      assertEquals("user-42", verifier().verify(OPAQUE).subject().orElseThrow());
    }

    @Test
    void whenTheTokenTypeIsNotAStringThen401InvalidClaims() {
      Map<String, Object> response = new HashMap<>(activeFor(Duration.ofMinutes(10)));
      response.put("token_type", List.of("Bearer"));
      server.activate(OPAQUE, response);

      assertEquals(Rejection.INVALID_CLAIMS, rejection(verifier(), OPAQUE));
    }

    @Test
    void whenInactiveThen401Inactive() {
      assertEquals(Rejection.TOKEN_INACTIVE, rejection(verifier(), OPAQUE));
    }

    @Test
    void whenAlreadyExpiredByTheResponseThen401Expired() {
      server.activate(OPAQUE, Map.of("exp", NOW.minusSeconds(60).getEpochSecond()));

      assertEquals(Rejection.EXPIRED, rejection(verifier(), OPAQUE));
    }

    @Test
    void whenAudiencesAreConfiguredThenTheResponseMustNameOne() {
      server.activate(
          OPAQUE, Map.of("aud", List.of("urn:other"), "exp", NOW.plusSeconds(60).getEpochSecond()));
      server.activate(
          "second", Map.of("aud", "urn:orders", "exp", NOW.plusSeconds(60).getEpochSecond()));
      IntrospectionVerifier verifier = verifier(settings().audiences("urn:orders").build());

      assertEquals(Rejection.WRONG_AUDIENCE, rejection(verifier, OPAQUE));
      assertEquals(List.of("urn:orders"), verifier.verify("second").audiences());
    }

    @Test
    void whenAFieldHasTheWrongTypeThen401InvalidClaims() {
      server.activate(OPAQUE, Map.of("sub", 42, "exp", NOW.plusSeconds(60).getEpochSecond()));

      assertEquals(Rejection.INVALID_CLAIMS, rejection(verifier(), OPAQUE));
    }

    @Test
    void whenTheResponseHasNoExpiryThenTheTokenLastsAsLongAsTheCache() {
      server.activate(OPAQUE, Map.of("sub", "x"));

      assertEquals(
          NOW.plus(IntrospectionConfig.DEFAULT_CACHE_DURATION),
          verifier().verify(OPAQUE).expiresAt());
    }
  }

  @Nested
  class ClientAuthenticationMethods {

    @Test
    void whenBasicThenTheFormEncodedCredentialsAreInTheHeaderAndNotTheBody() {
      server.activate(OPAQUE, activeFor(Duration.ofMinutes(1)));

      verifier().verify(OPAQUE);

      assertTrue(server.lastAuthorization().startsWith("Basic "));
      assertEquals(OPAQUE, server.lastForm().get("token"));
      assertEquals("access_token", server.lastForm().get("token_type_hint"));
      assertFalse(server.lastForm().containsKey("client_secret"));
    }

    @Test
    void whenPostThenTheCredentialsAreInTheBodyAndThereIsNoAuthorizationHeader() {
      server.activate(OPAQUE, activeFor(Duration.ofMinutes(1)));

      verifier(settings().clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST).build())
          .verify(OPAQUE);

      assertNull(server.lastAuthorization());
      assertEquals(CLIENT_SECRET, server.lastForm().get("client_secret"));
    }

    @Test
    void whenTheEndpointRefusesOurCredentialsThen503NotAVerdictOnTheToken() {
      IntrospectionVerifier wrong =
          verifier(
              IntrospectionConfig.forEndpoint(server.endpoint())
                  .clientCredentials(CLIENT_ID, "wrong")
                  .build());

      assertThrows(ProviderUnavailableException.class, () -> wrong.verify(OPAQUE));
    }
  }

  @Nested
  class Caching {

    @Test
    void whenActiveThenTheResultIsReusedUntilTheConfiguredMaximum() {
      server.activate(OPAQUE, activeFor(Duration.ofHours(1)));
      IntrospectionVerifier verifier =
          verifier(settings().cache(Duration.ofMinutes(5), Duration.ofSeconds(10), 100).build());

      verifier.verify(OPAQUE);
      clock.advance(Duration.ofMinutes(4));
      verifier.verify(OPAQUE);
      assertEquals(1, server.calls(OPAQUE));

      clock.advance(Duration.ofMinutes(2));
      verifier.verify(OPAQUE);
      assertEquals(2, server.calls(OPAQUE));
    }

    @Test
    void whenTheTokenExpiresBeforeTheMaximumThenTheCacheDoesNotOutliveIt() {
      server.activate(OPAQUE, activeFor(Duration.ofSeconds(90)));
      IntrospectionVerifier verifier = verifier();
      verifier.verify(OPAQUE);

      clock.advance(Duration.ofSeconds(121));

      assertEquals(Rejection.EXPIRED, rejection(verifier, OPAQUE));
      assertEquals(2, server.calls(OPAQUE), "asked again once the entry had expired");
    }

    @Test
    void whenInactiveThenTheAnswerIsReusedOnlyBriefly() {
      IntrospectionVerifier verifier =
          verifier(settings().cache(Duration.ofMinutes(5), Duration.ofSeconds(10), 100).build());

      rejection(verifier, OPAQUE);
      clock.advance(Duration.ofSeconds(9));
      rejection(verifier, OPAQUE);
      assertEquals(1, server.calls(OPAQUE));

      server.activate(OPAQUE, activeFor(Duration.ofMinutes(10)));
      clock.advance(Duration.ofSeconds(2));
      assertEquals("user-42", verifier.verify(OPAQUE).subject().orElseThrow());
      assertEquals(2, server.calls(OPAQUE));
    }

    @Test
    void whenTheCacheIsFullThenItStaysWithinItsBound() {
      IntrospectionVerifier verifier =
          verifier(settings().cache(Duration.ofMinutes(5), Duration.ofMinutes(5), 10).build());

      for (int i = 0; i < 50; i++) {
        rejection(verifier, "token-" + i);
      }

      assertTrue(verifier.size() <= 10, "size " + verifier.size());
    }

    @Test
    void whenManyRequestsCarryTheSameNewTokenAtOnceThenTheEndpointIsCalledOnce() throws Exception {
      server.activate(OPAQUE, activeFor(Duration.ofMinutes(10))).delay(Duration.ofMillis(300));
      IntrospectionVerifier verifier = verifier();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<AccessToken>> results = Collections.synchronizedList(new ArrayList<>());
      try {
        for (int i = 0; i < 8; i++) {
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return verifier.verify(OPAQUE);
                  }));
        }
        go.countDown();
        for (Future<AccessToken> f : results) {
          assertEquals("user-42", f.get().subject().orElseThrow());
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1, server.calls(OPAQUE));
    }
  }

  @Nested
  class Outages {

    @ParameterizedTest
    @EnumSource(
        value = Mode.class,
        names = {"FAIL", "GARBAGE", "NO_ACTIVE", "OVERSIZED"})
    void whenTheEndpointMisbehavesThen503AndNothingIsCached(Mode mode) {
      server.activate(OPAQUE, activeFor(Duration.ofMinutes(10))).mode(mode);
      IntrospectionVerifier verifier = verifier();

      assertThrows(ProviderUnavailableException.class, () -> verifier.verify(OPAQUE));
      server.mode(Mode.OK);
      assertEquals("user-42", verifier.verify(OPAQUE).subject().orElseThrow());
    }

    @Test
    void whenTheEndpointHangsThenTheTimeoutAnswers503() {
      server.mode(Mode.HANG);
      IntrospectionVerifier verifier = verifier(settings().timeout(Duration.ofMillis(300)).build());
      long start = System.nanoTime();

      ProviderUnavailableException e =
          assertThrows(ProviderUnavailableException.class, () -> verifier.verify(OPAQUE));

      assertEquals(ProviderUnavailableException.Cause.INTROSPECTION_FAILED, e.reason());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
    }

    @Test
    void whenTheEndpointIsDownThen503() {
      server.close();

      assertThrows(ProviderUnavailableException.class, () -> verifier().verify(OPAQUE));
    }

    @Test
    void whenACallFailsThenOnlyGatehouseReportsIt() {
      // The cache library logs every failed load with a stack trace; a failure must not be one.
      java.util.logging.Logger caffeine = java.util.logging.Logger.getLogger("com.github.benmanes");
      List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.logging.Handler handler =
          new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
              records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      caffeine.addHandler(handler);
      try {
        server.mode(Mode.FAIL);

        assertThrows(ProviderUnavailableException.class, () -> verifier().verify(OPAQUE));
        assertEquals(List.of(), records.stream().map(r -> r.getLoggerName()).toList());
      } finally {
        caffeine.removeHandler(handler);
      }
    }
  }

  @Test
  void whenTheSettingsArePrintedThenTheSecretIsNot() {
    assertFalse(settings().build().toString().contains(CLIENT_SECRET));
  }
}
