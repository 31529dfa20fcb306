package dev.gatehouse;

import static dev.gatehouse.testing.Challenges.invalidToken;
import static dev.gatehouse.testing.Refusals.UNKNOWN_KEY;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.discovery.KeyPolicy;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the filter fetches and keeps the provider's keys, against a local provider: single-flight
 * first fetch, a bounded refetch rate for unknown {@code kid}s, rotation, retention through
 * failures, timeouts, and {@code Cache-Control} clamping. Durations are short (1-2 s cooldowns) so
 * that the waits the behaviours need stay small.
 */
class JwksBehaviourTest {

  private static final Duration COOLDOWN = Duration.ofSeconds(1);

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();
  private final TestTokens tokens = new TestTokens(provider.issuer());

  private GatehouseConfigBuilder config() {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .keys(k -> k.refreshCooldown(COOLDOWN));
  }

  private static void pastCooldown(Duration cooldown) throws InterruptedException {
    Thread.sleep(cooldown.toMillis() + 150);
  }

  /**
   * Runs {@code task} {@code times} times on {@code threads} threads and waits for every result.
   */
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

  @Nested
  class FirstFetch {

    @Test
    void whenManyRequestsArriveTogetherThenDiscoveryAndJwksAreFetchedOnce() throws Exception {
      provider.delay(Duration.ofMillis(300)); // keeps the first fetch in flight while others arrive
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        String token = tokens.valid().build();

        List<Integer> statuses = concurrently(20, 20, () -> api.get(token).status());

        assertEquals(List.of(200), statuses.stream().distinct().toList());
        assertEquals(1, provider.discoveryRequests());
        assertEquals(1, provider.jwksRequests());
      }
    }

    @Test
    void whenNoRequestHasArrivedThenNothingIsFetched() {
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        assertEquals(0, provider.totalRequests());
      }
    }
  }

  @Nested
  class UnknownKeyIds {

    @Test
    void whenManyTokensNameRandomKidsThenRefetchesStayWithinThePerMinuteLimit() throws Exception {
      Duration cooldown = Duration.ofSeconds(2);
      MutableClock clock = new MutableClock(Instant.now());
      try (ProtectedApi api =
          ProtectedApi.start(
              config().keys(k -> k.refreshCooldown(cooldown)).clock(clock).build())) {
        assertEquals(200, api.get(tokens.validAt(clock.instant()).build()).status());
        clock.advance(cooldown);

        long start = System.nanoTime();
        List<String> challenges =
            concurrently(
                8,
                200,
                () ->
                    api.get(
                            tokens
                                .validAt(clock.instant())
                                .kid(UUID.randomUUID().toString())
                                .build())
                        .challenge());
        long minutes = 1 + Duration.ofNanos(System.nanoTime() - start).toMinutes();

        assertEquals(List.of(invalidToken(UNKNOWN_KEY)), challenges.stream().distinct().toList());
        int refetches = provider.jwksRequests() - 1;
        assertTrue(refetches >= 1, "an unknown kid refetches");
        assertTrue(
            refetches <= minutes * KeyPolicy.DEFAULTS.unknownKidFetchesPerMinute(),
            refetches + " refetches in " + minutes + " minute(s)");
        assertEquals(1, provider.discoveryRequests());
      }
    }

    @Test
    void whenTheProviderRotatesToANewKeyThenTheRefetchPicksItUp() throws Exception {
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.keys(TestKeys.RSA_NEXT, TestKeys.EC);

        Reply rotated = api.get(tokens.valid().signedWith(TestKeys.RSA_NEXT).build());

        assertEquals(200, rotated.status(), rotated::toString);
        assertEquals(2, provider.jwksRequests());
        Reply retired = api.get(tokens.valid().build());
        assertEquals(invalidToken(UNKNOWN_KEY), retired.challenge(), "the old key is gone");
        assertEquals(3, provider.jwksRequests(), "a retired kid is an unknown kid: one more ask");
      }
    }

    @Test
    void whenTheRefetchStillLacksTheKidThenTheTokenIsRejectedAndKnownKeysKeepWorking()
        throws Exception {
      MutableClock clock = new MutableClock(Instant.now());
      try (ProtectedApi api = ProtectedApi.start(config().clock(clock).build())) {
        assertEquals(200, api.get(tokens.validAt(clock.instant()).build()).status());
        clock.advance(COOLDOWN);

        assertEquals(
            invalidToken(UNKNOWN_KEY),
            api.get(tokens.validAt(clock.instant()).signedWith(TestKeys.ATTACKER).build())
                .challenge());
        assertEquals(2, provider.jwksRequests(), "the unknown kid was looked for once");
        assertEquals(200, api.get(tokens.validAt(clock.instant()).build()).status());
      }
    }
  }

  @Nested
  class Retention {

    private GatehouseConfigBuilder shortLived() {
      return config().keys(k -> k.cacheDuration(Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @EnumSource(
        value = Mode.class,
        names = {"FAIL", "GARBAGE", "OVERSIZED", "WRONG_SHAPE"})
    void whenARefreshFailsThenTheLastGoodKeysKeepDeciding(Mode failure) throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(shortLived().http(h -> h.maxResponseBytes(8 * 1024)).build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.jwksMode(failure);
        pastCooldown(Duration.ofSeconds(1)); // the cached set has expired

        for (int i = 0; i < 5; i++) {
          Reply reply = api.get(tokens.valid().build());
          assertEquals(200, reply.status(), reply::toString);
        }
        assertEquals(2, provider.jwksRequests(), "one failed refresh, then the retained set");
        // The unknown kid may ask the provider once more (an unreadable body does not count as a
        // failed request the way an HTTP error does); it is refused either way.
        Reply forged = api.get(tokens.valid().signedWith(TestKeys.ATTACKER).build());
        if (forged.status() == 503) {
          assertEquals("1", forged.header("Retry-After"), forged::toString);
        } else {
          assertEquals(
              invalidToken(UNKNOWN_KEY),
              forged.challenge(),
              "retained keys still decide: an unknown key is not let through");
        }
        assertTrue(provider.jwksRequests() <= 3, "at most that one more ask");
      }
    }

    @Test
    void whenTheProviderRecoversThenTheNextRefreshComesWithinACooldownNotAfterTheRetention()
        throws Exception {
      try (ProtectedApi api = ProtectedApi.start(shortLived().build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.jwksMode(Mode.FAIL);
        pastCooldown(Duration.ofSeconds(1));
        assertEquals(200, api.get(tokens.valid().build()).status(), "retained through the failure");

        provider.jwksMode(Mode.OK).keys(TestKeys.RSA_NEXT);
        pastCooldown(COOLDOWN);
        api.get(tokens.valid().build()); // due for a retry: fetches the provider's new set

        assertEquals(
            invalidToken(UNKNOWN_KEY),
            api.get(tokens.valid().build()).challenge(),
            "a key the provider removed stops verifying once the provider is back");
        assertEquals(200, api.get(tokens.valid().signedWith(TestKeys.RSA_NEXT).build()).status());
      }
    }

    @Test
    void whenRetainedKeysOutliveTheirLifetimePlusRetentionThen503() throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(shortLived().keys(k -> k.retention(Duration.ofSeconds(1))).build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.jwksMode(Mode.FAIL);
        pastCooldown(Duration.ofSeconds(1));
        assertEquals(200, api.get(tokens.valid().build()).status(), "within the retention");
        pastCooldown(Duration.ofSeconds(1));

        Reply reply = api.get(tokens.valid().build());

        assertEquals(503, reply.status(), "keys older than lifetime + retention no longer decide");
        assertEquals("1", reply.header("Retry-After"));
      }
    }

    @Test
    void whenRetentionIsOffThenAFailedRefreshMeans503() throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(shortLived().keys(k -> k.retention(Duration.ZERO)).build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.jwksMode(Mode.FAIL);
        pastCooldown(Duration.ofSeconds(1));

        Reply reply = api.get(tokens.valid().build());

        assertEquals(503, reply.status());
        assertEquals("1", reply.header("Retry-After"));
      }
    }

    @ParameterizedTest
    @EnumSource(
        value = Mode.class,
        names = {"GARBAGE", "OVERSIZED", "WRONG_SHAPE"})
    void whenThereAreNoPreviousKeysThenABadBodyMeans503(Mode failure) {
      provider.jwksMode(failure);
      try (ProtectedApi api =
          ProtectedApi.start(config().http(h -> h.maxResponseBytes(8 * 1024)).build())) {
        Reply reply = api.get(tokens.valid().build());

        assertEquals(503, reply.status(), reply::toString);
        assertEquals("1", reply.header("Retry-After"));
      }
    }
  }

  @Nested
  class Timeouts {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    /**
     * A correctness bound (the request does not wait for the hanging provider), not a benchmark.
     */
    private static final Duration UPPER_BOUND = Duration.ofSeconds(5);

    private GatehouseConfigBuilder impatient() {
      return config().http(h -> h.readTimeout(READ_TIMEOUT).connectTimeout(READ_TIMEOUT));
    }

    private Reply timed(ProtectedApi api, String token) {
      long start = System.nanoTime();
      Reply reply = api.get(token);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(UPPER_BOUND) < 0, "took " + took);
      return reply;
    }

    @Test
    void whenTheJwksEndpointHangsThen503WithinTheReadTimeout() {
      provider.jwksMode(Mode.HANG);
      try (ProtectedApi api = ProtectedApi.start(impatient().build())) {
        assertEquals(503, timed(api, tokens.valid().build()).status());
      }
    }

    @Test
    void whenDiscoveryHangsThen503WithinTheReadTimeout() {
      provider.discoveryMode(Mode.HANG);
      try (ProtectedApi api = ProtectedApi.start(impatient().build())) {
        assertEquals(503, timed(api, tokens.valid().build()).status());
      }
    }

    @Test
    void whenARefreshHangsThenTheRetainedKeysAnswerWithinTheReadTimeout() throws Exception {
      try (ProtectedApi api =
          ProtectedApi.start(
              impatient().keys(k -> k.cacheDuration(Duration.ofSeconds(1))).build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        provider.jwksMode(Mode.HANG);
        pastCooldown(Duration.ofSeconds(1));

        assertEquals(200, timed(api, tokens.valid().build()).status());
      }
    }
  }

  @Nested
  class CacheControl {

    @ParameterizedTest
    @ValueSource(strings = {"max-age=0", "no-store", "no-cache", "max-age=0, must-revalidate"})
    void whenTheProviderForbidsCachingThenKeysAreStillNotFetchedPerRequest(String cacheControl)
        throws Exception {
      provider.cacheControl(cacheControl);
      try (ProtectedApi api =
          ProtectedApi.start(
              config().keys(k -> k.refreshCooldown(Duration.ofSeconds(5))).build())) {
        for (int i = 0; i < 30; i++) {
          assertEquals(200, api.get(tokens.valid().build()).status());
        }

        assertEquals(1, provider.jwksRequests());
      }
    }

    @Test
    void whenMaxAgeHasPassedThenTheNextRequestRefreshesAndStillPasses() throws Exception {
      provider.cacheControl("public, max-age=1");
      try (ProtectedApi api = ProtectedApi.start(config().build())) {
        assertEquals(200, api.get(tokens.valid().build()).status());
        pastCooldown(Duration.ofSeconds(1));

        assertEquals(200, api.get(tokens.valid().build()).status());
        assertEquals(2, provider.jwksRequests());
      }
    }
  }
}
