package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleService;
import com.hazelcast.map.IMap;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The node's copy of the revocations answers only while it is known to be current, and holds no
 * more than the store's bound.
 */
class MirrorTest {

  static final String ISSUER = "https://idp";

  @Test
  void aClientWhoseClusterIsGoneNeverAnswersFromItsMirrorPastTheStalenessBound() throws Exception {
    TestCluster cluster =
        TestCluster.start(1, Clock.systemUTC(), UnavailableClusterTest.SHORT_TIMEOUT);
    Map<String, String> client = new LinkedHashMap<>(UnavailableClusterTest.SHORT_TIMEOUT);
    client.put(HazelcastKey.MODE.property(), "client");
    client.put(HazelcastKey.CLUSTER_NAME.property(), cluster.name);
    client.put(HazelcastKey.MEMBERS.property(), cluster.addresses());
    try (HazelcastSharedStore owner = TestCluster.create(client, Clock.systemUTC())) {
      Instant until = Instant.now().plusSeconds(60);
      UnavailableClusterTest.awaitConnected(owner, Revocation.ofTokenId(ISSUER, "held", until));
      // The worst case: a node that is never told its client lost the cluster, so that only the
      // staleness bound keeps it from answering.
      HazelcastSharedStore store =
          HazelcastSharedStore.using(
              unaware(owner.instance()),
              HazelcastStoreOptions.defaults()
                  .withOperationTimeout(UnavailableClusterTest.TIMEOUT));
      Revocation.Key never = new Revocation.Key(Revocation.Target.TOKEN_ID, ISSUER, "never");
      awaitLocal(store);
      assertEquals(List.of(), store.revocations().find(Set.of(never)));

      cluster.close();
      long gone = System.nanoTime();

      boolean refused = false;
      while (System.nanoTime() - gone < Duration.ofSeconds(3).toNanos()) {
        long asked = System.nanoTime();
        try {
          assertEquals(List.of(), store.revocations().find(Set.of(never)));
          Duration after = Duration.ofNanos(asked - gone);
          assertTrue(
              after.compareTo(RevocationMirror.STALE) < 0,
              "answered " + after.toMillis() + " ms after the cluster went away");
          assertFalse(refused, "answered again after a refusal");
        } catch (StoreUnavailableException expected) {
          refused = true;
        }
      }
      assertTrue(refused, "never refused");
      store.close();
    }
  }

  @Test
  void aNodeIsSureNothingIsRevokedOnlyWhileItsCurrentMirrorIsEmpty() throws Exception {
    try (TestCluster cluster = TestCluster.start(2, Clock.systemUTC())) {
      RevocationStore reader = cluster.store(1).revocations();
      awaitLocal(cluster.store(1));
      assertFalse(reader.mayHoldAny(), "an empty current mirror");

      Instant until = Instant.now().plusSeconds(60);
      cluster.store(0).revocations().revoke(Revocation.ofTokenId(ISSUER, "elsewhere", until));

      await(reader::mayHoldAny, "a revocation made on the other node was never seen");
    }
  }

  @Test
  void aNodeWhoseInstanceIsGoneIsNeverSureNothingIsRevoked() throws Exception {
    try (TestCluster cluster = TestCluster.start(1, Clock.systemUTC())) {
      HazelcastSharedStore store = cluster.store(0);
      awaitLocal(store);
      assertFalse(store.revocations().mayHoldAny());

      store.instance().shutdown();

      assertTrue(store.revocations().mayHoldAny());
    }
  }

  @Test
  void theMirrorHoldsNoMoreThanTheBoundAndTheMapAnswersWhileItCannot() throws Exception {
    Map<String, String> two = Map.of(HazelcastKey.REVOCATION_MAX_ENTRIES.property(), "2");
    try (TestCluster cluster = TestCluster.start(1, Clock.systemUTC(), two)) {
      HazelcastSharedStore store = cluster.store(0);
      HazelcastRevocations revocations = (HazelcastRevocations) store.revocations();
      Instant until = Instant.now().plusSeconds(60);
      revocations.revoke(Revocation.ofTokenId(ISSUER, "a", until));
      revocations.revoke(Revocation.ofTokenId(ISSUER, "b", until));
      awaitLocal(store);

      // Written past the store's bound by someone else (an operator, another application).
      Revocation third = Revocation.ofTokenId(ISSUER, "c", until);
      IMap<String, long[]> map = store.instance().getMap("gatehouse.revocations");
      map.set(RevocationCodec.key(third.key()), RevocationCodec.value(third));

      await(() -> !revocations.answersLocally(), "the mirror still answers");
      assertEquals(List.of(third), revocations.find(Set.of(third.key())));
      assertTrue(revocations.mirrored() <= 2, "mirrored: " + revocations.mirrored());

      map.delete(RevocationCodec.key(third.key()));
      awaitLocal(store);
      assertEquals(2, revocations.mirrored());
      assertEquals(List.of(), revocations.find(Set.of(third.key())));
    }
  }

  @Test
  void anEntryPastItsUntilIsIgnoredBeforeItsExpiryEventArrives() throws Exception {
    try (TestCluster cluster = TestCluster.start(1, Clock.systemUTC())) {
      HazelcastSharedStore store = cluster.store(0);
      RevocationStore revocations = store.revocations();
      Revocation brief = Revocation.ofTokenId(ISSUER, "brief", Instant.now().plusMillis(300));
      revocations.revoke(brief);
      awaitLocal(store);
      assertEquals(List.of(brief), revocations.find(Set.of(brief.key())));

      // The map's TTL is rounded up to a second: the entry is still there, its until is past.
      Thread.sleep(Duration.between(Instant.now(), brief.until()).toMillis() + 20);

      assertTrue(((HazelcastRevocations) revocations).answersLocally());
      assertEquals(List.of(), revocations.find(Set.of(brief.key())));
    }
  }

  @Test
  void aMemberJoiningMakesEveryNodeReloadItsMirror() throws Exception {
    try (TestCluster cluster = TestCluster.start(2, Clock.systemUTC())) {
      // A node that hears no event and whose probe always agrees: only a reload shows it a write.
      HazelcastSharedStore blind = HazelcastSharedStore.using(blind(cluster.store(1).instance()));
      Revocation revocation =
          Revocation.ofTokenId(ISSUER, "while-blind", Instant.now().plusSeconds(60));
      awaitLocal(blind);
      assertEquals(List.of(), blind.revocations().find(Set.of(revocation.key())));
      cluster.store(0).revocations().revoke(revocation);

      int port = TestCluster.freePort();
      cluster.ports.add(port);
      cluster.stores.add(cluster.memberStore(port, Clock.systemUTC(), Map.of()));

      await(
          () -> blind.revocations().find(Set.of(revocation.key())).equals(List.of(revocation)),
          "the blind node never reloaded");
      blind.close();
    }
  }

  /** Waits until {@code store} answers lookups from its mirror (members joined, mirror loaded). */
  static void awaitLocal(HazelcastSharedStore store) throws InterruptedException {
    HazelcastRevocations revocations = (HazelcastRevocations) store.revocations();
    await(() -> clusterSafe(store), "partitions still migrating");
    await(revocations::answersLocally, "the mirror never became current");
  }

  /** No migration running or due (a migration makes the mirror reload); a client has none. */
  private static boolean clusterSafe(HazelcastSharedStore store) {
    try {
      return store.instance().getPartitionService().isClusterSafe();
    } catch (UnsupportedOperationException client) {
      return true;
    }
  }

  static void await(BooleanSupplier condition, String otherwise) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(otherwise);
      }
      Thread.sleep(10);
    }
  }

  /** The instance, its revocations map deaf to events and its revision always zero. */
  private static HazelcastInstance blind(HazelcastInstance real) {
    return Doubles.withMaps(
        real,
        (name, map) ->
            name.endsWith("revocation-revision")
                ? Doubles.around(
                    IMap.class, map, call -> call.name().equals("get") ? null : call.proceed())
                : Doubles.deaf(map));
  }

  /** The instance, with lifecycle listeners silently dropped: disconnects are never reported. */
  private static HazelcastInstance unaware(HazelcastInstance real) {
    return Doubles.withLifecycle(
        real,
        lifecycle ->
            Doubles.around(
                LifecycleService.class,
                lifecycle,
                call ->
                    switch (call.name()) {
                      case "addLifecycleListener" -> UUID.randomUUID();
                      case "removeLifecycleListener" -> true;
                      default -> call.proceed();
                    }));
  }
}
