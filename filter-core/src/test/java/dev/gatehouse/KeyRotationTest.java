package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A provider that rotates in a new signing key and serves its JWKS with {@code Cache-Control:
 * no-cache}, as Keycloak does: the first token with the new {@code kid} must pass, with the default
 * refresh cooldown; and tokens with random {@code kid}s must still not become a flood of fetches.
 */
class KeyRotationTest {

  @RegisterExtension
  final LocalJwksServer provider = LocalJwksServer.extension().cacheControl("no-cache");

  private final TestTokens tokens = new TestTokens(provider.issuer());

  /** The defaults, 30 s cooldown included: nothing here is shortened to make a rotation work. */
  private GatehouseConfig config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .build();
  }

  private static <T> List<T> concurrently(int threads, int times, Callable<T> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<T>> tasks = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        tasks.add(task);
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenTheProviderRotatesInANewKeyThenItsFirstTokenIsAcceptedWithoutWaitingForTheCooldown() {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      assertEquals(200, api.get(tokens.valid().build()).status());
      provider.keys(TestKeys.RSA, TestKeys.RSA_NEXT);

      Reply rotated = api.get(tokens.valid().signedWith(TestKeys.RSA_NEXT).build());

      assertEquals(200, rotated.status(), rotated::toString);
      assertEquals(2, provider.jwksRequests());
      assertEquals(200, api.get(tokens.valid().build()).status(), "the old key still works");
    }
  }

  @Test
  void whenManyRequestsBringTheNewKidAtOnceThenOneFetchServesThemAll() throws Exception {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      assertEquals(200, api.get(tokens.valid().build()).status());
      provider.keys(TestKeys.RSA, TestKeys.RSA_NEXT);
      provider.delay(java.time.Duration.ofMillis(300)); // the fetch is in flight as others arrive
      String rotated = tokens.valid().signedWith(TestKeys.RSA_NEXT).build();

      List<Integer> statuses = concurrently(16, 16, () -> api.get(rotated).status());

      assertEquals(List.of(200), statuses.stream().distinct().toList());
      assertEquals(2, provider.jwksRequests(), "one single-flight fetch for sixteen requests");
    }
  }

  @Test
  void whenTenThousandTokensNameRandomKidsThenFetchesStayWithinThePerMinuteLimit()
      throws Exception {
    try (ProtectedApi api = ProtectedApi.start(config())) {
      assertEquals(200, api.get(tokens.valid().build()).status());
      String genuine = tokens.valid().build();
      String rest = genuine.substring(genuine.indexOf('.')); // payload and signature, reused
      long start = System.nanoTime();

      List<String> challenges =
          concurrently(
              8,
              10_000,
              () ->
                  api.get(
                          withHeader(
                              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\""
                                  + UUID.randomUUID()
                                  + "\"}",
                              rest))
                      .challenge());

      long minutes = 1 + TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start);
      assertEquals(List.of(invalidToken(UNKNOWN_KEY)), challenges.stream().distinct().toList());
      int fetches = provider.jwksRequests() - 1;
      int limit = KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute();
      assertTrue(fetches >= 1, "an unknown kid does ask the provider");
      assertTrue(fetches <= limit * minutes, fetches + " fetches in " + minutes + " minute(s)");
      assertEquals(1, provider.discoveryRequests());
    }
  }

  private static String withHeader(String json, String rest) {
    return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8))
        + rest;
  }
}
