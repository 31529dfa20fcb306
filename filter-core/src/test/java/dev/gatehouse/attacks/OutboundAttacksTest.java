package dev.gatehouse.attacks;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MisbehavingEndpoint;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a provider-side attacker (or a compromised hop) can do to the filter's outbound calls for
 * discovery and keys: send it elsewhere with a redirect, or hold it with a body that trickles in.
 * Neither may make a foreign key trusted, and neither may hold a request past the HTTP deadline.
 */
class OutboundAttacksTest {

  /** Longer than the drip interval, so that only the deadline can end a dripping exchange. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /**
   * For scheduling and the test client; generous because the build machine may be busy, and still
   * far below the thirty seconds the drip lasts.
   */
  private static final Duration MARGIN = Duration.ofSeconds(4);

  private static final String UNAVAILABLE_BODY =
      "{\"error\":\"temporarily_unavailable\",\"error_description\":\"The access token cannot be"
          + " checked right now.\"}";

  private static GatehouseConfigBuilder config(String issuer) {
    return GatehouseConfig.forIssuer(issuer)
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .http(h -> h.readTimeout(READ_TIMEOUT).deadline(DEADLINE));
  }

  private static void assertUnavailable(Reply reply) {
    assertEquals(503, reply.status(), reply::toString);
    assertEquals("30", reply.header("Retry-After"));
    assertEquals(UNAVAILABLE_BODY, reply.body());
    assertNull(reply.challenge());
  }

  @Test
  void whenJwksRedirectsToAnotherHostThenKeysAreNotTrusted() {
    try (LocalJwksServer elsewhere = LocalJwksServer.start().keys(TestKeys.ATTACKER);
        MisbehavingEndpoint jwks = MisbehavingEndpoint.redirectingTo(elsewhere.uri("/"));
        ProtectedApi api =
            ProtectedApi.start(config(jwks.base()).jwksUri(jwks.uri("/jwks")).build())) {
      String forged = new TestTokens(jwks.base()).valid().signedWith(TestKeys.ATTACKER).build();

      assertUnavailable(api.get(forged));
      assertEquals(1, jwks.requests());
      assertEquals(0, elsewhere.totalRequests(), "the redirect target was contacted");
    }
  }

  @Test
  void whenDiscoveryRedirectsToAnotherHostThenItsJwksUriIsNotTrusted() {
    try (LocalJwksServer elsewhere = LocalJwksServer.start().keys(TestKeys.ATTACKER);
        MisbehavingEndpoint issuer = MisbehavingEndpoint.redirectingTo(elsewhere.uri("/"));
        ProtectedApi api = ProtectedApi.start(config(issuer.base()).build())) {
      // The foreign document even names the configured issuer, as an attacker's copy would.
      elsewhere.advertiseIssuer(issuer.base());
      String forged = new TestTokens(issuer.base()).valid().signedWith(TestKeys.ATTACKER).build();

      assertUnavailable(api.get(forged));
      assertEquals(1, issuer.requests());
      assertEquals(0, elsewhere.totalRequests(), "the redirect target was contacted");
    }
  }

  @Test
  void whenJwksDripsOneBytePerSecondThenRequestsAreAnsweredWithinTheDeadline() {
    try (MisbehavingEndpoint jwks = MisbehavingEndpoint.dripping();
        ProtectedApi api =
            ProtectedApi.start(config(jwks.base()).jwksUri(jwks.uri("/jwks")).build())) {
      String token = new TestTokens(jwks.base()).valid().build();

      assertAllAnsweredInTime(api, token);
      assertEquals(1, jwks.requests());
    }
  }

  @Test
  void whenDiscoveryDripsOneBytePerSecondThenRequestsAreAnsweredWithinTheDeadline() {
    try (MisbehavingEndpoint issuer = MisbehavingEndpoint.dripping();
        ProtectedApi api = ProtectedApi.start(config(issuer.base()).build())) {
      String token = new TestTokens(issuer.base()).valid().build();

      assertAllAnsweredInTime(api, token);
      assertEquals(1, issuer.requests());
    }
  }

  /** The first request makes the fetch; the others wait on it, and must not wait longer. */
  private static void assertAllAnsweredInTime(ProtectedApi api, String token) {
    long start = System.nanoTime();
    List<CompletableFuture<Reply>> replies =
        List.of(
            CompletableFuture.supplyAsync(() -> api.get(token)),
            CompletableFuture.supplyAsync(() -> api.get(token)),
            CompletableFuture.supplyAsync(() -> api.get(token)));
    List<Reply> answered = replies.stream().map(CompletableFuture::join).toList();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
    for (Reply reply : answered) {
      assertEquals(503, reply.status(), reply::toString);
      assertEquals(UNAVAILABLE_BODY, reply.body());
      long retryAfter = Long.parseLong(reply.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 30, reply::toString);
    }
  }
}
