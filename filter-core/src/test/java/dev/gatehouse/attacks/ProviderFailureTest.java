package dev.gatehouse.attacks;

import static dev.gatehouse.attacks.AttackDefaults.defaults;
import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.BAD_SIGNATURE;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key lifecycle when the provider misbehaves, beyond {@code JwksBehaviourTest} and {@code
 * FilterProviderOutageTest}: a provider that is really gone (connection refused), floods of forged
 * tokens while it fails or hangs, many threads at once, and the log line an operator sees when
 * discovery names the wrong issuer. The invariants: never a 200 that should not be, a 503 always
 * carries {@code Retry-After}, no request waits much longer than the read timeout, and the provider
 * sees at most one JWKS request per cooldown whatever the request rate.
 */
class ProviderFailureTest {

  private static final Duration COOLDOWN = Duration.ofSeconds(1);

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private final TestTokens tokens = new TestTokens(provider.issuer());

  private GatehouseConfigBuilder config() {
    return defaults(provider).keys(k -> k.refreshCooldown(COOLDOWN));
  }

  /** {@code times} calls of {@code task} on {@code threads} threads; every result, in order. */
  private static <T> List<T> concurrently(int threads, int times, Callable<T> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<T>> tasks = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        tasks.add(task);
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One forged token: a random unknown kid, a trusted kid with a foreign key, or no kid. */
  private String forged() {
    return switch (ThreadLocalRandom.current().nextInt(3)) {
      case 0 ->
          tokens.valid().signedWith(TestKeys.ATTACKER).kid(UUID.randomUUID().toString()).build();
      case 1 -> tokens.valid().signedWith(TestKeys.ATTACKER).kid(TestKeys.RSA.getKeyId()).build();
      default -> tokens.valid().signedWith(TestKeys.ATTACKER).withoutHeader("kid").build();
    };
  }

  /** Statuses counted, e.g. {401=180, 503=20}. */
  private static Map<Integer, Integer> histogram(List<Reply> replies) {
    Map<Integer, Integer> counts = new TreeMap<>();
    replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  private static void assertNoPassAndEvery503Explained(List<Reply> replies) {
    for (Reply reply : replies) {
      assertTrue(reply.status() == 401 || reply.status() == 503, reply::toString);
      if (reply.status() == 503) {
        assertNotNull(reply.header("Retry-After"), reply::toString);
      }
    }
  }

  @Nested
  class ProviderGone {

    @Test
    void whenTheProviderStopsListeningThenCachedKeysKeepDecidingAndNothingForgedPasses()
        throws Exception {
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        assertAccepted(api.get(tokens.valid().build()));
        provider.close(); // connection refused from now on
        Thread.sleep(COOLDOWN.toMillis() + 150);

        List<Reply> valid = concurrently(16, 64, () -> api.get(tokens.valid().build()));
        List<Reply> forged = concurrently(16, 64, () -> api.get(forged()));

        assertEquals(Map.of(200, 64), histogram(valid));
        assertNoPassAndEvery503Explained(forged);
        assertRejected(
            BAD_SIGNATURE,
            api.get(tokens.valid().signedWith(TestKeys.ATTACKER).kid("rsa-1").build()));
      }
    }

    @Test
    void whenTheProviderIsGoneBeforeAnyKeyWasFetchedThenEveryAnswerIs503WithRetryAfter()
        throws Exception {
      provider.close();
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        List<Reply> replies =
            concurrently(
                16,
                64,
                () ->
                    api.get(
                        ThreadLocalRandom.current().nextBoolean()
                            ? tokens.valid().build()
                            : forged()));

        assertEquals(Map.of(503, 64), histogram(replies));
        assertNoPassAndEvery503Explained(replies);
      }
    }
  }

  @Nested
  class Floods {

    /** Forged tokens from 64 threads for a few cooldowns; returns the replies. */
    private List<Reply> flood(ProtectedApi api, Duration length) throws Exception {
      long end = System.nanoTime() + length.toNanos();
      List<Reply> all = Collections.synchronizedList(new ArrayList<>());
      concurrently(
          64,
          64,
          () -> {
            while (System.nanoTime() < end) {
              all.add(api.get(forged()));
            }
            return null;
          });
      return all;
    }

    private static long windows(long startNanos) {
      return 1 + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / COOLDOWN.toMillis();
    }

    @Test
    void whenForgedTokensFloodFrom64ThreadsThenJwksRequestsStayWithinThePerMinuteLimit()
        throws Exception {
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        assertAccepted(api.get(tokens.valid().build()));
        Thread.sleep(COOLDOWN.toMillis() + 150);

        long start = System.nanoTime();
        List<Reply> replies = flood(api, Duration.ofMillis(2000));
        long minutes = 1 + Duration.ofNanos(System.nanoTime() - start).toMinutes();

        assertEquals(List.of(401), replies.stream().map(Reply::status).distinct().toList());
        int refetches = provider.jwksRequests() - 1;
        assertTrue(replies.size() > 200, "the flood was a flood: " + replies.size());
        assertTrue(
            refetches >= 1
                && refetches <= minutes * KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute(),
            refetches
                + " refetches in "
                + minutes
                + " minute(s) for "
                + replies.size()
                + " forged tokens");
        assertEquals(1, provider.discoveryRequests());
        assertAccepted(api.get(tokens.valid().build()));
      }
    }

    @ParameterizedTest
    @EnumSource(
        value = Mode.class,
        names = {"FAIL", "GARBAGE", "HANG"})
    void whenTheJwksEndpointMisbehavesDuringAFloodThenItIsStillAskedAtMostOncePerCooldown(Mode mode)
        throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(config().http(h -> h.readTimeout(Duration.ofMillis(300))).build())) {
        assertAccepted(api.get(tokens.valid().build()));
        provider.jwksMode(mode);
        Thread.sleep(COOLDOWN.toMillis() + 150);

        long start = System.nanoTime();
        List<Reply> replies = flood(api, Duration.ofMillis(2000));
        long windows = windows(start);

        assertNoPassAndEvery503Explained(replies);
        int refetches = provider.jwksRequests() - 1;
        assertTrue(
            refetches <= windows,
            mode
                + ": "
                + refetches
                + " JWKS requests in "
                + windows
                + " cooldowns, "
                + histogram(replies));
        assertAccepted(api.get(tokens.valid().build()));
      }
    }
  }

  @Nested
  class SlowProvider {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    /** Longer than a fetch can take, as with the defaults (30 s against 2 s + 3 s). */
    private static final Duration SLOW_COOLDOWN = Duration.ofSeconds(3);

    private long millis(Callable<Reply> call, List<Reply> into) throws Exception {
      long start = System.nanoTime();
      into.add(call.call());
      return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void whenAnUnknownKidRefreshHangsThenCachedKeysAnswerWithoutWaitingForIt() throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(
              config()
                  .http(h -> h.readTimeout(READ_TIMEOUT))
                  .keys(k -> k.refreshCooldown(SLOW_COOLDOWN))
                  .build())) {
        assertAccepted(api.get(tokens.valid().build()));
        provider.jwksMode(Mode.HANG);
        Thread.sleep(SLOW_COOLDOWN.toMillis() + 150);

        ExecutorService pool = Executors.newFixedThreadPool(17);
        try {
          List<Reply> unknown = Collections.synchronizedList(new ArrayList<>());
          List<Reply> valid = Collections.synchronizedList(new ArrayList<>());
          List<Future<Long>> unknownTimes = new ArrayList<>();
          List<Future<Long>> validTimes = new ArrayList<>();
          for (int i = 0; i < 16; i++) {
            unknownTimes.add(
                pool.submit(
                    () ->
                        millis(
                            () -> api.get(tokens.valid().kid(UUID.randomUUID().toString()).build()),
                            unknown)));
          }
          Thread.sleep(100); // the refresh is now hanging
          for (int i = 0; i < 20; i++) {
            validTimes.add(pool.submit(() -> millis(() -> api.get(tokens.valid().build()), valid)));
          }

          for (Future<Long> t : validTimes) {
            assertTrue(
                t.get() < READ_TIMEOUT.toMillis() / 2, // waiting would take about 1.9 s
                "a token with a cached key waited " + t.get() + " ms for the hanging refresh");
          }
          long slowest = 0;
          for (Future<Long> t : unknownTimes) {
            slowest = Math.max(slowest, t.get());
          }
          assertTrue(
              slowest < READ_TIMEOUT.toMillis() * 2 + 1000,
              "an unknown kid waited " + slowest + " ms; read timeout " + READ_TIMEOUT);
          assertEquals(Map.of(200, 20), histogram(valid));
          assertNoPassAndEvery503Explained(unknown);
          assertEquals(2, provider.jwksRequests(), "one hanging refresh for 16 unknown kids");
        } finally {
          pool.shutdownNow();
        }
      }
    }

    @Test
    void whenTheProviderIsSlowButWithinTheTimeoutThenTokensPass() {
      provider.delay(Duration.ofMillis(300));
      try (ProtectedApi api =
          ProtectedApi.start(config().http(h -> h.readTimeout(READ_TIMEOUT)).build())) {
        assertAccepted(api.get(tokens.valid().build()));
      }
    }
  }

  /**
   * A provider that answers with a key set holding no usable key: empty, or only entries jose4j
   * cannot parse. Not an outage (HTTP 200, valid JSON), but it must not turn every request into a
   * JWKS fetch either.
   */
  @Nested
  class KeySetWithoutUsableKeys {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whenTheKeySetIsEmptyThenTokensAreRefusedAndTheProviderIsNotAskedPerRequest(
        boolean emptyFromTheStart) throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(config().keys(k -> k.cacheDuration(COOLDOWN)).build())) {
        if (!emptyFromTheStart) {
          assertAccepted(api.get(tokens.valid().build()));
        }
        provider.keys();
        Thread.sleep(COOLDOWN.toMillis() + 150);
        int before = provider.jwksRequests();
        // This request fetches the empty set; requests racing with a refresh may still be served
        // by the previous set, which is the point of refreshing on one thread.
        Reply first = api.get(tokens.valid().build());

        List<Reply> replies = concurrently(8, 40, () -> api.get(tokens.valid().build()));
        replies.add(first);

        assertNoPassAndEvery503Explained(replies);
        int fetches = provider.jwksRequests() - before;
        // One for the expired set, then at most the unknown-kid allowance of the minute.
        assertTrue(
            fetches <= 1 + KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute(),
            fetches + " JWKS requests for 40 tokens: " + histogram(replies));
      }
    }
  }

  @Nested
  class WrongIssuerInDiscovery {

    @Test
    void whenDiscoveryNamesAnotherIssuerThenALogLineSaysWhichAndNothingElseLeaks() {
      provider.advertiseIssuer("https://impostor.example/");
      String token = tokens.valid().build();
      PrintStream original = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      Reply reply;
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
          reply = api.get(token);
        } finally {
          System.setErr(original);
        }
      }
      String log = captured.toString(StandardCharsets.UTF_8);

      assertEquals(503, reply.status(), reply::toString);
      assertNotNull(reply.header("Retry-After"));
      assertTrue(
          log.contains(
              "gatehouse discovery_issuer_mismatch: "
                  + provider.uri(LocalJwksServer.DISCOVERY_PATH)
                  + " names issuer 'https://impostor.example/', configured is '"
                  + provider.issuer()
                  + "'"),
          "log was: " + log);
      assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "token in the log");
      assertEquals(0, provider.jwksRequests());
    }
  }

  @Test
  void whenUnknownKidRefreshesFailThenKnownTokensAreUnaffected() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    try (ProtectedApi api = ProtectedApi.start(config().clock(clock).build())) {
      assertAccepted(api.get(tokens.validAt(clock.instant()).build()));
      provider.jwksMode(Mode.FAIL);
      clock.advance(COOLDOWN);

      Reply unknown = api.get(tokens.validAt(clock.instant()).kid("rotated-in-the-outage").build());
      clock.advance(COOLDOWN.minusMillis(1));
      Reply again = api.get(tokens.validAt(clock.instant()).kid("rotated-in-the-outage").build());
      clock.advance(Duration.ofMillis(1));
      Reply later = api.get(tokens.validAt(clock.instant()).kid("rotated-in-the-outage").build());

      assertEquals(503, unknown.status(), "cannot tell a new key from a forged one: " + unknown);
      assertEquals("1", unknown.header("Retry-After"));
      assertEquals(invalidToken(UNKNOWN_KEY), again.challenge(), "within the cooldown");
      assertEquals(503, later.status(), "after the cooldown the provider is asked again");
      assertEquals(3, provider.jwksRequests(), "the first fetch and one per cooldown");
      assertAccepted(api.get(tokens.validAt(clock.instant()).build()));
    }
  }
}
