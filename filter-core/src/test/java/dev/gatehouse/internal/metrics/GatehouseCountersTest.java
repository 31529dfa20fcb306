package dev.gatehouse.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The counters on their own: a fixed set of series, each event counted in exactly one. */
class GatehouseCountersTest {

  private final GatehouseCounters counters = new GatehouseCounters();

  private long value(String attribute) {
    return counters.series().stream()
        .filter(s -> s.attribute().equals(attribute))
        .mapToLong(CounterSeries::value)
        .sum();
  }

  private long total() {
    return counters.series().stream().mapToLong(CounterSeries::value).sum();
  }

  @ParameterizedTest
  @EnumSource(Rejection.class)
  void whenARequestIsRejectedThenOnlyTheSeriesOfItsReasonCodeMoves(Rejection reason) {
    counters.rejected(reason);

    assertEquals(1, value("requests.rejected." + reason.reasonCode()));
    assertEquals(1, total());
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void whenARequestIsUnavailableThenOnlyTheSeriesOfItsCauseMoves(Cause reason) {
    counters.unavailable(reason);

    assertEquals(1, value("requests.unavailable." + reason.name().toLowerCase(Locale.ROOT)));
    assertEquals(1, total());
  }

  @Test
  void whenEveryOtherEventHappensOnceThenEachHasItsOwnSeries() {
    List<Runnable> events =
        List.of(
            counters::accepted,
            counters::publicPath,
            counters::jwksFetched,
            counters::jwksFetchFailed,
            counters::discoveryFetched,
            counters::discoveryFetchFailed,
            counters::tokenCacheHit,
            counters::tokenCacheMiss,
            counters::introspectionActive,
            counters::introspectionRefused,
            counters::introspectionFailed,
            counters::introspectionCacheHit,
            counters::introspectionCacheMiss,
            () -> counters.storeFallback(StoreCheck.REVOCATION),
            () -> counters.storeFallback(StoreCheck.REPLAY),
            () -> counters.storeFallback(StoreCheck.NONCE),
            () -> counters.storeFallback(StoreCheck.INTROSPECTION));
    List<String> attributes =
        List.of(
            "requests.accepted",
            "requests.public",
            "jwks.fetches.ok",
            "jwks.fetches.failed",
            "discovery.fetches.ok",
            "discovery.fetches.failed",
            "token.cache.hit",
            "token.cache.miss",
            "introspection.calls.active",
            "introspection.calls.refused",
            "introspection.calls.failed",
            "introspection.cache.hit",
            "introspection.cache.miss",
            "store.fallbacks.revocation",
            "store.fallbacks.replay",
            "store.fallbacks.nonce",
            "store.fallbacks.introspection");
    for (int i = 0; i < events.size(); i++) {
      events.get(i).run();
      assertEquals(1, value(attributes.get(i)), attributes.get(i));
      assertEquals(i + 1, total(), attributes.get(i));
    }
  }

  @Test
  void whenSeriesAreListedThenTheirNumberIsFixedByTheEnumsAndNoTwoShareAName() {
    List<CounterSeries> series = counters.series();
    int expected =
        2
            + Rejection.values().length
            + Cause.values().length
            + 2
            + 2
            + 2
            + 3
            + 2
            + StoreCheck.values().length;

    assertEquals(expected, series.size());
    Set<String> attributes =
        series.stream().map(CounterSeries::attribute).collect(Collectors.toSet());
    assertEquals(expected, attributes.size());
    Set<String> ids = series.stream().map(s -> s.name() + s.tags()).collect(Collectors.toSet());
    assertEquals(expected, ids.size());
  }

  @Test
  void whenManyThreadsCountAtOnceThenNoIncrementIsLost() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 25_000; i++) {
              counters.accepted();
              counters.rejected(Rejection.EXPIRED);
            }
          });
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));

    assertEquals(100_000, value("requests.accepted"));
    assertEquals(100_000, value("requests.rejected.expired"));
  }
}
