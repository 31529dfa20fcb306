package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.store.ReplayStore.Use;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-process replay store: once per key until its instant, bounded without forgetting. */
class InMemoryReplayStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
  private final InMemoryReplayStore store = new InMemoryReplayStore(clock, 2);

  private Instant inSeconds(long seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  @Test
  void whenAKeyIsRecordedTwiceThenTheSecondIsAReplay() {
    assertEquals(Use.FIRST, store.record("k1", inSeconds(90)));
    assertEquals(Use.REPLAYED, store.record("k1", inSeconds(90)));
  }

  @Test
  void whenTheKeysInstantHasPassedThenItIsForgotten() {
    store.record("k1", inSeconds(90));

    clock.advance(Duration.ofSeconds(91));

    assertEquals(Use.FIRST, store.record("k1", inSeconds(90)));
  }

  @Test
  void whenTheStoreIsFullThenANewKeyIsRefusedAndAKnownOneIsStillAReplay() {
    store.record("k1", inSeconds(90));
    store.record("k2", inSeconds(30));

    assertEquals(Use.FULL, store.record("k3", inSeconds(90)));
    assertEquals(Use.REPLAYED, store.record("k1", inSeconds(90)));
    assertEquals(2, store.size());
  }

  @Test
  void whenAnEntryExpiresThenAFullStoreTakesNewKeysAgain() {
    store.record("k1", inSeconds(90));
    store.record("k2", inSeconds(30));

    clock.advance(Duration.ofSeconds(31));

    assertEquals(Use.FIRST, store.record("k3", inSeconds(90)));
  }

  @Test
  void whenTheKeyIsAlreadyPastItsInstantThenItIsKeptForNoTime() {
    assertEquals(Use.FIRST, store.record("k1", inSeconds(-5)));
    assertEquals(Use.FIRST, store.record("k1", inSeconds(-5)));
  }

  @Test
  void whenManyThreadsRecordTheSameKeyAtOnceThenExactlyOneIsFirst() throws Exception {
    InMemoryReplayStore roomy = new InMemoryReplayStore(clock, 1_000);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Use>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return roomy.record("same", inSeconds(90));
                }));
      }
      start.countDown();
      int first = 0;
      for (Future<Use> answer : answers) {
        first += answer.get(10, TimeUnit.SECONDS) == Use.FIRST ? 1 : 0;
      }

      assertEquals(1, first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenTheBoundIsNotPositiveThenTheStoreCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryReplayStore(clock, 0));
    assertEquals(2, store.maxEntries());
  }
}
