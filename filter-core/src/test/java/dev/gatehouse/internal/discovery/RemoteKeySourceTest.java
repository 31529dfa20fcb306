package dev.gatehouse.internal.discovery;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.LocalJwksServer.Mode;
import dev.gatehouse.testing.Steps;
import dev.gatehouse.testing.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key source on its own, against a local provider: what it fetches, when, and how it fails. */
class RemoteKeySourceTest {

  private static final Duration COOLDOWN = Duration.ofSeconds(1);

  @RegisterExtension final LocalJwksServer provider = LocalJwksServer.extension();

  private KeySource source() {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .keys(k -> k.refreshCooldown(COOLDOWN))
            .build();
    return RemoteKeySource.create(Steps.provider(config), config.clock());
  }

  private KeySource source(int unknownKidFetchesPerMinute, AtomicLong ticker) {
    GatehouseConfig config =
        GatehouseConfig.forIssuer(provider.issuer())
            .audiences(AUDIENCE)
            .allowInsecureLoopbackHttp()
            .keys(
                k ->
                    k.refreshCooldown(COOLDOWN)
                        .unknownKidFetchesPerMinute(unknownKidFetchesPerMinute))
            .build();
    return RemoteKeySource.create(Steps.provider(config), MetricsRecorder.NONE, ticker::get);
  }

  private static List<String> kids(List<JsonWebKey> keys) {
    return keys.stream().map(JsonWebKey::getKeyId).toList();
  }

  @Test
  void whenFirstAskedThenItFollowsDiscoveryToThePublishedKeys() {
    List<JsonWebKey> keys = source().keys();

    assertEquals(List.of("rsa-1", "ec-1", "ed-1"), kids(keys));
    assertEquals(1, provider.discoveryRequests());
    assertEquals(1, provider.jwksRequests());
  }

  @Test
  void whenTwentyThreadsAskAtOnceThenOneFetchServesThemAll() throws Exception {
    provider.delay(Duration.ofMillis(300));
    KeySource source = source();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<List<JsonWebKey>>> callers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        callers.add(
            () -> {
              go.await();
              return source.keys();
            });
      }
      List<Future<List<JsonWebKey>>> futures = new ArrayList<>();
      callers.forEach(c -> futures.add(pool.submit(c)));
      go.countDown();

      List<JsonWebKey> first = futures.get(0).get();
      for (Future<List<JsonWebKey>> f : futures) {
        assertSame(first, f.get(), "every caller sees the same snapshot");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, provider.discoveryRequests());
    assertEquals(1, provider.jwksRequests());
  }

  @Test
  void whenAnotherCallerAlreadyRefreshedThenRefreshUnknownKeyDoesNotFetchAgain() throws Exception {
    KeySource source = source();
    List<JsonWebKey> before = source.keys();
    provider.keys(TestKeys.RSA_NEXT);

    assertTrue(source.refreshUnknownKey(before));
    List<JsonWebKey> after = source.keys();
    assertEquals(List.of("rsa-2"), kids(after));
    assertEquals(2, provider.jwksRequests());

    assertTrue(source.refreshUnknownKey(before), "a stale snapshot: the set has changed since");
    assertEquals(2, provider.jwksRequests());
  }

  @Test
  void whenTheUnknownKidAllowanceIsSpentThenTheNextFetchWaitsForTheOldestToBeAMinuteOld() {
    AtomicLong now = new AtomicLong();
    KeySource source = source(3, now);
    source.keys();

    for (int i = 0; i < 3; i++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      assertTrue(source.refreshUnknownKey(source.keys()), "fetch " + (i + 1) + " of 3");
    }
    assertFalse(source.refreshUnknownKey(source.keys()), "the fourth within the minute");
    now.addAndGet(Duration.ofSeconds(57).toNanos()); // 59 s after the first of the three
    assertFalse(source.refreshUnknownKey(source.keys()));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(source.refreshUnknownKey(source.keys()), "a minute after the first");

    assertEquals(1 + 3 + 1, provider.jwksRequests());
  }

  @Test
  void whenAnUnknownKidFetchFailedThenTheProviderIsNotAskedAgainBeforeTheCooldown() {
    AtomicLong now = new AtomicLong();
    KeySource source = source(6, now);
    source.keys();
    provider.jwksMode(Mode.FAIL);

    assertThrows(ProviderUnavailableException.class, () -> source.refreshUnknownKey(source.keys()));
    now.addAndGet(COOLDOWN.toNanos() - 1);
    assertFalse(source.refreshUnknownKey(source.keys()));
    assertEquals(2, provider.jwksRequests());
    now.addAndGet(1);
    assertThrows(ProviderUnavailableException.class, () -> source.refreshUnknownKey(source.keys()));
    assertEquals(3, provider.jwksRequests());
  }

  @Test
  void whenTheForcedRefreshFailsThenItReportsTheOutage() {
    KeySource source = source();
    source.keys();
    provider.jwksMode(Mode.FAIL);

    ProviderUnavailableException e =
        assertThrows(
            ProviderUnavailableException.class, () -> source.refreshUnknownKey(source.keys()));

    assertEquals(Cause.KEYS_UNAVAILABLE, e.reason());
    assertEquals(List.of("rsa-1", "ec-1", "ed-1"), kids(source.keys()), "the keys it had are kept");
  }

  @Test
  void whenDiscoveryFailsThenTheCauseAndRetryAfterAreReported() {
    provider.discoveryMode(Mode.FAIL);

    ProviderUnavailableException e =
        assertThrows(ProviderUnavailableException.class, source()::keys);

    assertEquals(Cause.DISCOVERY_FAILED, e.reason());
    assertEquals(COOLDOWN, e.retryAfter());
  }

  @Test
  void whenDiscoveryIsNotJsonThenItIsInvalid() {
    provider.discoveryMode(Mode.GARBAGE);

    assertEquals(
        Cause.DISCOVERY_INVALID,
        assertThrows(ProviderUnavailableException.class, source()::keys).reason());
  }

  @Test
  void whenDiscoveryNamesAnotherIssuerThenItIsAMismatch() {
    provider.advertiseIssuer(provider.issuer() + "tenant-b/");

    assertEquals(
        Cause.DISCOVERY_ISSUER_MISMATCH,
        assertThrows(ProviderUnavailableException.class, source()::keys).reason());
    assertEquals(0, provider.jwksRequests());
  }

  @Test
  void whenTheFirstFetchFailedThenCallersWithinTheCooldownAreAnsweredWithoutFetching() {
    provider.jwksMode(Mode.FAIL);
    KeySource source = source();

    assertThrows(ProviderUnavailableException.class, source::keys);
    ProviderUnavailableException again =
        assertThrows(ProviderUnavailableException.class, source::keys);

    assertEquals(Cause.KEYS_UNAVAILABLE, again.reason());
    assertTrue(again.retryAfter().compareTo(COOLDOWN) <= 0);
    assertEquals(1, provider.jwksRequests());
  }
}
