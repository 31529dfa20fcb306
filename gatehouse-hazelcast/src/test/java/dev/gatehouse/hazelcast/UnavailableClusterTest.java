package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A cluster that cannot be reached is never read as "not revoked" or "first use": every part of the
 * store throws {@link StoreUnavailableException}, and within the operation timeout.
 */
class UnavailableClusterTest {

  static final Duration TIMEOUT = Duration.ofMillis(300);
  static final Duration SLACK = Duration.ofMillis(400);
  static final Map<String, String> SHORT_TIMEOUT =
      Map.of(HazelcastKey.OPERATION_TIMEOUT.property(), TIMEOUT.toMillis() + "ms");

  @Test
  void aMemberWhoseInstanceIsShutDownRefusesEveryPart() {
    TestCluster cluster = TestCluster.start(1, Clock.systemUTC(), SHORT_TIMEOUT);
    HazelcastSharedStore store = cluster.store(0);
    store.nonceSecrets().current();
    store.instance().shutdown();

    everyPartThrowsWithinTheTimeout(store);
    cluster.close();
  }

  @Test
  void aClientWhoseClusterIsGoneRefusesEveryPart() {
    TestCluster cluster = TestCluster.start(1, Clock.systemUTC(), SHORT_TIMEOUT);
    Map<String, String> client = new LinkedHashMap<>(SHORT_TIMEOUT);
    client.put(HazelcastKey.MODE.property(), "client");
    client.put(HazelcastKey.CLUSTER_NAME.property(), cluster.name);
    client.put(HazelcastKey.MEMBERS.property(), cluster.addresses());
    try (HazelcastSharedStore store = TestCluster.create(client, Clock.systemUTC())) {
      Revocation revocation =
          Revocation.ofTokenId("https://idp", "jti", Instant.now().plusSeconds(60));
      awaitConnected(store, revocation);
      assertEquals(List.of(revocation), store.revocations().find(Set.of(revocation.key())));

      cluster.close();

      everyPartThrowsWithinTheTimeout(store);
    }
  }

  @Test
  void aClientThatNeverReachedItsClusterRefusesEveryPart() {
    try (HazelcastSharedStore store = TestCluster.create(neverReached(), Clock.systemUTC())) {
      everyPartThrowsWithinTheTimeout(store);
    }
  }

  /**
   * A call that gave up after the operation timeout leaves the store's thread still making the
   * map's proxy (a client waits for its cluster up to the invocation timeout). Shutting the client
   * down then must neither throw nor stop half way with the client's threads left running.
   */
  @Test
  void closingWhileTheClientStillWaitsForItsClusterThrowsNothingAndStopsTheClient() {
    for (int round = 0; round < 3; round++) {
      HazelcastSharedStore store = TestCluster.create(neverReached(), Clock.systemUTC());
      assertThrows(StoreUnavailableException.class, () -> store.introspections().get("k"));
      assertThrows(StoreUnavailableException.class, () -> store.replays().record("p", later()));

      assertDoesNotThrow(store::close);
      assertFalse(store.instance().getLifecycleService().isRunning());
    }
  }

  /**
   * Close returns once none of the store's threads is still inside Hazelcast: the application may
   * shut its instance down right after, and Hazelcast's shutdown throws (and stops half way) when
   * it finds a map proxy still being made.
   */
  @Test
  void closeWaitsForTheStoresThreadsToLeaveTheInstance() throws Exception {
    HazelcastInstance client = TestCluster.create(neverReached(), Clock.systemUTC()).instance();
    AtomicInteger inside = new AtomicInteger();
    HazelcastSharedStore store =
        HazelcastSharedStore.using(
            slowToMakeMaps(client, inside),
            HazelcastStoreOptions.defaults().withOperationTimeout(TIMEOUT));
    assertThrows(StoreUnavailableException.class, () -> store.introspections().get("k"));
    assertTrue(inside.get() > 0, "a thread of the store is still making a proxy");

    store.close();

    assertEquals(0, inside.get());
    assertDoesNotThrow(client::shutdown);
  }

  /** Makes each map proxy after 600 ms, twice the operation timeout, deaf to interrupts. */
  private static HazelcastInstance slowToMakeMaps(HazelcastInstance real, AtomicInteger inside) {
    return Doubles.around(
        HazelcastInstance.class,
        real,
        call -> {
          if (!call.name().equals("getMap")) {
            return call.proceed();
          }
          inside.incrementAndGet();
          try {
            sleepUninterruptibly(Duration.ofMillis(600));
            return call.proceed();
          } finally {
            inside.decrementAndGet();
          }
        });
  }

  private static void sleepUninterruptibly(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    boolean interrupted = false;
    for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aClientWorksAgainOnceItsClusterIsBack() {
    TestCluster cluster = TestCluster.start(1, Clock.systemUTC(), SHORT_TIMEOUT);
    Map<String, String> client = new LinkedHashMap<>(SHORT_TIMEOUT);
    client.put(HazelcastKey.MODE.property(), "client");
    client.put(HazelcastKey.CLUSTER_NAME.property(), cluster.name);
    client.put(HazelcastKey.MEMBERS.property(), cluster.addresses());
    try (HazelcastSharedStore store = TestCluster.create(client, Clock.systemUTC())) {
      Instant until = Instant.now().plusSeconds(60);
      awaitConnected(store, Revocation.ofTokenId("https://idp", "before", until));
      cluster.close();
      assertThrows(
          StoreUnavailableException.class,
          () -> store.revocations().revoke(Revocation.ofTokenId("https://idp", "gone", until)));

      try (HazelcastSharedStore restarted =
          cluster.memberStore(cluster.ports.get(0), Clock.systemUTC(), SHORT_TIMEOUT)) {
        Revocation after = Revocation.ofTokenId("https://idp", "after", until);
        restarted.revocations().revoke(after);

        awaitConnected(store, Revocation.ofTokenId("https://idp", "again", until));
        assertEquals(List.of(after), store.revocations().find(Set.of(after.key())));
      }
    }
  }

  /** A client of a cluster nobody runs. */
  static Map<String, String> neverReached() {
    Map<String, String> client = new LinkedHashMap<>(SHORT_TIMEOUT);
    client.put(HazelcastKey.MODE.property(), "client");
    client.put(HazelcastKey.CLUSTER_NAME.property(), "nobody-" + System.nanoTime());
    client.put(HazelcastKey.MEMBERS.property(), "127.0.0.1:" + TestCluster.freePort());
    return client;
  }

  static Instant later() {
    return Instant.now().plusSeconds(60);
  }

  static void awaitConnected(SharedStore store, Revocation revocation) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        store.revocations().revoke(revocation);
        return;
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() > deadline) {
          fail("the client never connected", e);
        }
      }
    }
  }

  /**
   * A part may answer from what it knew until the node learns the cluster is gone (well under a
   * second); from then on each call throws, none taking longer than the timeout.
   */
  static void everyPartThrowsWithinTheTimeout(SharedStore store) {
    Revocation.Key key = new Revocation.Key(Revocation.Target.SUBJECT, "https://idp", "alice");
    Instant until = Instant.now().plusSeconds(60);
    Map<String, Executable> parts = new LinkedHashMap<>();
    parts.put("revoke", () -> store.revocations().revoke(Revocation.ofTokenId("i", "j", until)));
    parts.put("find", () -> store.revocations().find(Set.of(key)));
    parts.put("record", () -> store.replays().record("proof", until));
    parts.put("current", () -> store.nonceSecrets().current());
    parts.put("accepted", () -> store.nonceSecrets().accepted());
    parts.put("get", () -> store.introspections().get("k"));
    parts.put("put", () -> store.introspections().put("k", "{}", until));
    long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    parts.forEach(
        (name, part) -> {
          while (true) {
            long started = System.nanoTime();
            try {
              part.execute();
            } catch (StoreUnavailableException e) {
              Duration took = Duration.ofNanos(System.nanoTime() - started);
              assertTrue(
                  took.compareTo(TIMEOUT.plus(SLACK)) <= 0, name + " took " + took.toMillis());
              return;
            } catch (Throwable other) {
              fail(name + " threw " + other, other);
            }
            if (System.nanoTime() > settle) {
              fail(name + " still answers a second after the cluster went away");
            }
          }
        });
    assertThrows(StoreUnavailableException.class, () -> store.revocations().find(Set.of(key)));
  }
}
