package dev.gatehouse.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.metrics.StoreCheck;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.SwitchableStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The failure policy around a shared store, part by part. */
class GuardedStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final String ISS = "https://issuer.test/";

  private final MutableClock clock = new MutableClock(NOW);
  private final SwitchableStore cluster = new SwitchableStore(clock);
  private final Map<StoreCheck, Integer> fallbacks = new ConcurrentHashMap<>();

  /** Counts {@code storeFallback} and ignores every other counter. */
  private final MetricsRecorder metrics =
      (MetricsRecorder)
          Proxy.newProxyInstance(
              MetricsRecorder.class.getClassLoader(),
              new Class<?>[] {MetricsRecorder.class},
              (proxy, method, args) -> {
                if (method.getName().equals("storeFallback")) {
                  fallbacks.merge((StoreCheck) args[0], 1, Integer::sum);
                }
                return null;
              });

  private GuardedStore guarded(StoreOutage outage) {
    return new GuardedStore(
        cluster, outage, new InMemorySharedStore(clock, Duration.ofMinutes(5), 100), metrics);
  }

  @Test
  void whenTheStoreIsDownAndFailClosedThenAReplayCheckIsUnavailable() {
    GuardedStore store = guarded(StoreOutage.FAIL_CLOSED);
    cluster.down();

    ProviderUnavailableException e =
        assertThrows(
            ProviderUnavailableException.class,
            () -> store.replays().record("k", NOW.plusSeconds(60)));

    assertEquals(ProviderUnavailableException.Cause.STORE_UNAVAILABLE, e.reason());
    assertEquals(GuardedStore.RETRY_AFTER, e.retryAfter());
  }

  @Test
  void whenTheStoreIsDownAndNodeLocalThenReplaysAreCaughtOnThisNodeAndCounted() {
    GuardedStore store = guarded(StoreOutage.NODE_LOCAL);
    cluster.down();

    assertEquals(ReplayStore.Use.FIRST, store.replays().record("k", NOW.plusSeconds(60)));
    assertEquals(ReplayStore.Use.REPLAYED, store.replays().record("k", NOW.plusSeconds(60)));
    assertEquals(2, fallbacks.get(StoreCheck.REPLAY));
  }

  @Test
  void whenTheStoreAnswersThenItsReplayEntriesDecide() {
    GuardedStore store = guarded(StoreOutage.FAIL_CLOSED);
    cluster.replays().record("k", NOW.plusSeconds(60)); // used on another node

    assertEquals(ReplayStore.Use.REPLAYED, store.replays().record("k", NOW.plusSeconds(60)));
  }

  @Test
  void whenTheStoreIsDownThenNonceKeysFollowThePolicy() {
    GuardedStore closed = guarded(StoreOutage.FAIL_CLOSED);
    GuardedStore local = guarded(StoreOutage.NODE_LOCAL);
    byte[] shared = cluster.nonceSecrets().current();
    assertArrayEquals(
        shared, closed.nonceSecrets().current(), "the cluster's key while it answers");
    cluster.down();

    assertThrows(ProviderUnavailableException.class, () -> closed.nonceSecrets().current());
    assertThrows(ProviderUnavailableException.class, () -> closed.nonceSecrets().accepted());
    assertEquals(32, local.nonceSecrets().current().length);
    assertEquals(2, local.nonceSecrets().accepted().size());
    assertEquals(2, fallbacks.get(StoreCheck.NONCE));
  }

  @Test
  void whenTheStoreIsDownThenIntrospectionAnswersStayNodeLocalEvenWhenFailClosed() {
    GuardedStore store = guarded(StoreOutage.FAIL_CLOSED);
    cluster.down();

    store.introspections().put("k", "{\"active\":false}", NOW.plusSeconds(10));

    assertEquals("{\"active\":false}", store.introspections().get("k").orElseThrow());
    assertEquals(2, fallbacks.get(StoreCheck.INTROSPECTION));
  }

  @Test
  void whenRevocationsWereWrittenDuringAnOutageThenTheyAreSentOnceTheStoreAnswers() {
    GuardedStore store = guarded(StoreOutage.NODE_LOCAL);
    Revocation.Key key = new Revocation.Key(Revocation.Target.TOKEN_ID, ISS, "a");
    cluster.down();
    store.revocations().revoke(Revocation.ofTokenId(ISS, "a", NOW.plusSeconds(60)));
    assertEquals(1, store.unsent());
    assertEquals(1, store.revocations().find(List.of(key)).size(), "known here while down");

    cluster.up();
    List<Revocation> found = store.revocations().find(List.of(key));

    assertEquals(0, store.unsent());
    assertTrue(!cluster.revocations().find(List.of(key)).isEmpty(), "now in the shared store");
    assertEquals(1, found.size(), "this node's entry; the store got it only after answering");
    assertEquals(2, store.revocations().find(List.of(key)).size(), "now both hold it");
  }

  @Test
  void whenOneTokenIsRevokedAgainAndAgainDuringAnOutageThenOneMergedEntryWaits() {
    GuardedStore store = guarded(StoreOutage.NODE_LOCAL);
    Revocation.Key key = new Revocation.Key(Revocation.Target.TOKEN_ID, ISS, "a");
    cluster.down();
    for (int i = 1; i <= 1_000; i++) {
      store.revocations().revoke(Revocation.ofTokenId(ISS, "a", NOW.plusSeconds(i)));
    }
    assertEquals(1, store.unsent());

    cluster.up();
    store.revocations().find(List.of(key));

    assertEquals(0, store.unsent());
    assertEquals(
        NOW.plusSeconds(1_000),
        cluster.revocations().find(List.of(key)).get(0).until(),
        "the latest until reached the shared store");
  }

  @Test
  void whenTheStoreIsDownAndFailClosedThenAFindIsUnavailable() {
    GuardedStore store = guarded(StoreOutage.FAIL_CLOSED);
    cluster.down();

    assertThrows(
        ProviderUnavailableException.class,
        () ->
            store
                .revocations()
                .find(List.of(new Revocation.Key(Revocation.Target.SUBJECT, ISS, "x"))));
  }

  @Test
  void theGuardMayHoldARevocationWhenEitherItsNodeOrTheSharedStoreMay() {
    InMemorySharedStore shared = new InMemorySharedStore(clock, Duration.ofMinutes(5), 100);
    SwitchableStore switchable = new SwitchableStore(clock);
    GuardedStore sure = new GuardedStore(shared, StoreOutage.NODE_LOCAL, local(), metrics);
    GuardedStore unsure = new GuardedStore(switchable, StoreOutage.NODE_LOCAL, local(), metrics);

    assertFalse(sure.revocations().mayHoldAny(), "both parts are sure they hold none");
    assertTrue(unsure.revocations().mayHoldAny(), "a store that cannot tell is asked");

    shared.revocations().revoke(Revocation.ofTokenId(ISS, "elsewhere", NOW.plusSeconds(60)));
    assertTrue(sure.revocations().mayHoldAny(), "written by another node");
  }

  @Test
  void aRevocationKeptOnThisNodeDuringAnOutageIsAlwaysLookedUp() {
    InMemorySharedStore shared = new InMemorySharedStore(clock, Duration.ofMinutes(5), 100);
    InMemorySharedStore local = local();
    GuardedStore store = new GuardedStore(shared, StoreOutage.NODE_LOCAL, local, metrics);
    local.revocations().revoke(Revocation.ofTokenId(ISS, "kept", NOW.plusSeconds(60)));

    assertTrue(store.revocations().mayHoldAny());
  }

  private InMemorySharedStore local() {
    return new InMemorySharedStore(clock, Duration.ofMinutes(5), 100);
  }
}
