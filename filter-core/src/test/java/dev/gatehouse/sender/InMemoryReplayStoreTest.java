package dev.gatehouse.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.sender.ReplayStore.Use;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
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
  void whenTheBoundIsNotPositiveThenTheStoreCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryReplayStore(clock, 0));
    assertEquals(2, store.maxEntries());
  }
}
