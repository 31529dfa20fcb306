package dev.gatehouse.internal.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.introspection.IntrospectionConfig;
import dev.gatehouse.testing.LocalIntrospectionServer;
import dev.gatehouse.testing.MisbehavingEndpoint;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The introspection call as an outbound exchange: no redirects, one deadline for all of it. */
class IntrospectionOutboundTest {

  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration MARGIN = Duration.ofSeconds(4);
  private static final String OPAQUE = "k7Qv~opaque+token/value=";

  private static IntrospectionVerifier verifier(java.net.URI endpoint) {
    return new IntrospectionVerifier(
        IntrospectionConfig.forEndpoint(endpoint)
            .clientCredentials(LocalIntrospectionServer.CLIENT_ID, "secret")
            .timeout(DEADLINE)
            .build(),
        List.of("scope"),
        new MutableClock(Instant.parse("2026-11-22T10:00:00Z")),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        16 * 1024);
  }

  @Test
  void whenTheIntrospectionEndpointRedirectsThenTheTargetIsNeverAskedAndTheCallFails() {
    try (LocalIntrospectionServer elsewhere = LocalIntrospectionServer.start();
        MisbehavingEndpoint endpoint = MisbehavingEndpoint.redirectingTo(elsewhere.endpoint())) {
      elsewhere.activate(OPAQUE, Map.of("sub", "auth0|admin"));

      ProviderUnavailableException e =
          assertThrows(
              ProviderUnavailableException.class,
              () -> verifier(endpoint.uri("/introspect")).verify(OPAQUE));

      assertEquals(Cause.INTROSPECTION_FAILED, e.reason());
      assertEquals(1, endpoint.requests());
      assertEquals(0, elsewhere.totalCalls(), "the redirect target was contacted");
    }
  }

  @Test
  void whenTheIntrospectionEndpointDripsOneBytePerSecondThenTheCallEndsAtTheDeadline() {
    try (MisbehavingEndpoint endpoint = MisbehavingEndpoint.dripping()) {
      IntrospectionVerifier verifier = verifier(endpoint.uri("/introspect"));
      long start = System.nanoTime();

      ProviderUnavailableException e =
          assertThrows(ProviderUnavailableException.class, () -> verifier.verify(OPAQUE));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(Cause.INTROSPECTION_FAILED, e.reason());
      assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
    }
  }
}
