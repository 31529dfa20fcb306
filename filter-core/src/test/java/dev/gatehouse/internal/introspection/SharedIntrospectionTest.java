package dev.gatehouse.internal.introspection;

import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_ID;
import static dev.gatehouse.testing.LocalIntrospectionServer.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.store.InMemoryIntrospectionStore;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one {@link IntrospectionStore}: an answer one of them fetched serves the other,
 * active or inactive, for no longer than either would keep it itself.
 */
class SharedIntrospectionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String OPAQUE = "shared~opaque+token/value=";

  private final MutableClock clock = new MutableClock(NOW);
  private final List<Instant> untils = new CopyOnWriteArrayList<>();
  private final InMemoryIntrospectionStore memory = new InMemoryIntrospectionStore(clock, 100);
  private final IntrospectionStore shared =
      new IntrospectionStore() {
        @Override
        public Optional<String> get(String key) {
          return memory.get(key);
        }

        @Override
        public void put(String key, String answer, Instant until) {
          assertFalse(key.contains(OPAQUE), "the key is a digest, never the token");
          untils.add(until);
          memory.put(key, answer, until);
        }
      };
  private LocalIntrospectionServer server;

  @BeforeEach
  void start() {
    server = LocalIntrospectionServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private IntrospectionVerifier node() {
    IntrospectionConfig config =
        IntrospectionConfig.forEndpoint(server.endpoint())
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .timeout(Duration.ofSeconds(2))
            .build();
    return new IntrospectionVerifier(
        config,
        List.of("scope"),
        clock,
        Duration.ofSeconds(30),
        new OutboundLimits(
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 16 * 1024, true),
        MetricsRecorder.NONE,
        shared);
  }

  private static Map<String, Object> active(Instant exp) {
    return Map.of("sub", "user-42", "scope", "read", "exp", exp.getEpochSecond(), "jti", "t-1");
  }

  @Test
  void whenOneNodeIntrospectedATokenThenAnotherNodeUsesItsAnswerWithoutACall() {
    server.activate(OPAQUE, active(NOW.plusSeconds(120)));

    assertEquals("user-42", node().verify(OPAQUE).subject().orElseThrow());
    assertEquals("user-42", node().verify(OPAQUE).subject().orElseThrow());

    assertEquals(1, server.calls(OPAQUE), "the second node read the first node's answer");
  }

  @Test
  void whenTheTokenWasInactiveThenAnotherNodeRefusesItWithoutACall() {
    server.deactivate(OPAQUE);

    assertThrows(BearerTokenException.class, () -> node().verify(OPAQUE));
    BearerTokenException second =
        assertThrows(BearerTokenException.class, () -> node().verify(OPAQUE));

    assertEquals(Rejection.TOKEN_INACTIVE, second.rejection());
    assertEquals(1, server.calls(OPAQUE));
    assertEquals(
        NOW.plus(IntrospectionConfig.DEFAULT_NEGATIVE_CACHE_DURATION),
        untils.get(0),
        "an inactive answer is shared for the negative duration");
  }

  @Test
  void whenTheTokenExpiresBeforeTheResultTtlThenTheSharedAnswerEndsAtExp() {
    Instant exp = NOW.plusSeconds(90);
    server.activate(OPAQUE, active(exp));

    node().verify(OPAQUE);

    assertEquals(exp, untils.get(0));
  }

  @Test
  void whenTheResultTtlEndsBeforeExpThenTheSharedAnswerEndsWithIt() {
    server.activate(OPAQUE, active(NOW.plus(Duration.ofHours(2))));

    node().verify(OPAQUE);
    assertEquals(NOW.plus(IntrospectionConfig.DEFAULT_CACHE_DURATION), untils.get(0));
    clock.advance(IntrospectionConfig.DEFAULT_CACHE_DURATION.plusSeconds(1));
    node().verify(OPAQUE);

    assertEquals(2, server.calls(OPAQUE), "asked again once the shared answer had ended");
  }
}
