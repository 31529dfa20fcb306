package dev.gatehouse.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default revocation store: bounded, never forgetting an entry before its {@code until}. */
class InMemoryRevocationStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final String ISS = "https://issuer.test/";

  private final MutableClock clock = new MutableClock(NOW);

  private static Revocation.Key tokenId(String jti) {
    return new Revocation.Key(Revocation.Target.TOKEN_ID, ISS, jti);
  }

  @Test
  void whenNothingIsRevokedThenFindAnswersEmpty() {
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);

    assertFalse(store.mayHoldAny());
    assertTrue(store.find(List.of(tokenId("a"))).isEmpty());
  }

  @Test
  void whenAnEntryReachesItsUntilThenItIsForgotten() {
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);
    store.revoke(Revocation.ofTokenId(ISS, "a", NOW.plusSeconds(60)));

    assertTrue(store.mayHoldAny());
    assertEquals(1, store.find(List.of(tokenId("a"), tokenId("b"))).size());
    clock.advance(Duration.ofSeconds(60));
    assertTrue(store.find(List.of(tokenId("a"))).isEmpty());
    assertEquals(0, store.size());
  }

  @Test
  void whenTheSameKeyIsRevokedTwiceThenTheEntryHoldsTheLaterOfEach() {
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);
    Revocation.Key alice = new Revocation.Key(Revocation.Target.SUBJECT, ISS, "alice");
    store.revoke(Revocation.ofSubject(ISS, "alice", NOW, NOW.plusSeconds(600)));
    store.revoke(Revocation.ofSubject(ISS, "alice", NOW.plusSeconds(5), NOW.plusSeconds(60)));

    Revocation held = store.find(List.of(alice)).get(0);

    assertEquals(NOW.plusSeconds(5), held.issuedBefore());
    assertEquals(NOW.plusSeconds(600), held.until(), "a writer never shortens another's");
  }

  @Test
  void whenTheStoreIsFullThenANewEntryIsRefusedAndNoneIsEvicted() {
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 2);
    store.revoke(Revocation.ofTokenId(ISS, "a", NOW.plusSeconds(60)));
    store.revoke(Revocation.ofTokenId(ISS, "b", NOW.plusSeconds(60)));

    assertThrows(
        IllegalStateException.class,
        () -> store.revoke(Revocation.ofTokenId(ISS, "c", NOW.plusSeconds(60))));
    store.revoke(Revocation.ofTokenId(ISS, "a", NOW.plusSeconds(90))); // same key: still fits
    assertEquals(2, store.find(List.of(tokenId("a"), tokenId("b"))).size());
  }

  @Test
  void whenTheUntilHasPassedThenNothingIsWritten() {
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);

    store.revoke(Revocation.ofTokenId(ISS, "a", NOW));

    assertFalse(store.mayHoldAny());
  }

  @Test
  void whenTheBoundIsNotPositiveThenTheStoreIsNotMade() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryRevocationStore(clock, 0));
  }
}
