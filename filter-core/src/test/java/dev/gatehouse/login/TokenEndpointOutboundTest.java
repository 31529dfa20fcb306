package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.MisbehavingEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token endpoint call as an outbound exchange: no redirects, one deadline for all of it. */
class TokenEndpointOutboundTest {

  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration MARGIN = Duration.ofSeconds(4);

  private static TokenEndpointClient client() {
    return new TokenEndpointClient(
        LoginConfig.forClient("web-app", "s3cret", "/app/callback")
            .requestTimeout(DEADLINE)
            .build(),
        true);
  }

  @Test
  void whenTheTokenEndpointRedirectsThenTheTargetIsNeverAskedAndTheLoginFails() {
    try (MisbehavingEndpoint elsewhere = MisbehavingEndpoint.dripping();
        MisbehavingEndpoint endpoint = MisbehavingEndpoint.redirectingTo(elsewhere.uri("/"))) {

      LoginException e =
          assertThrows(
              LoginException.class,
              () -> client().exchangeCode(endpoint.uri("/token"), "code", "verifier", "x"));

      assertEquals(LoginFailure.TOKEN_REQUEST_FAILED, e.failure());
      assertEquals(1, endpoint.requests());
      assertEquals(0, elsewhere.requests(), "the redirect target was contacted");
    }
  }

  @Test
  void whenTheTokenEndpointDripsOneBytePerSecondThenTheLoginFailsAtTheDeadline() {
    try (MisbehavingEndpoint endpoint = MisbehavingEndpoint.dripping()) {
      TokenEndpointClient client = client();
      long start = System.nanoTime();

      LoginException e =
          assertThrows(
              LoginException.class, () -> client.refresh(endpoint.uri("/token"), "refresh"));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(LoginFailure.PROVIDER_UNAVAILABLE, e.failure());
      assertTrue(took.compareTo(DEADLINE.plus(MARGIN)) < 0, "took " + took);
    }
  }
}
