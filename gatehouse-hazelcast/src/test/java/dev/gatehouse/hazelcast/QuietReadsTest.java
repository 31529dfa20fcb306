package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reads on every request are answered on the node: whether nothing is revoked or other tokens
 * are, a lookup of a key never revoked reads no map. The instance is the application's own ({@code
 * using}), seen through a proxy that counts the calls on the revocations map, and the members' own
 * statistics count the reads that reached them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietReadsTest {

  static final String MAP = "gatehouse.revocations";

  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  TestCluster cluster;
  HazelcastSharedStore store;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(2, Clock.systemUTC());
    store = HazelcastSharedStore.using(counting(cluster.store(0).instance()));
  }

  @AfterAll
  void stop() {
    store.close();
    assertTrue(cluster.store(0).instance().getLifecycleService().isRunning());
    cluster.close();
  }

  @Test
  void lookupsOfKeysNeverRevokedReadNoMapWhetherOrNotOthersAreRevoked() throws Exception {
    RevocationStore revocations = store.revocations();
    MirrorTest.awaitLocal(store);
    calls.clear();
    for (int i = 0; i < 5_000; i++) {
      assertEquals(List.of(), revocations.find(Set.of(jti("quiet-" + i))));
    }
    assertEquals(0, count("getAll") + count("get"), "reads: " + calls);

    Instant until = Instant.now().plusSeconds(60);
    Revocation here = Revocation.ofTokenId("https://idp", "revoked-here", until);
    Revocation elsewhere = Revocation.ofSubject("https://idp", "revoked-elsewhere", until, until);
    revocations.revoke(here);
    cluster.store(1).revocations().revoke(elsewhere);
    long memberGets = memberGets();
    int reads = count("getAll") + count("get");

    for (int i = 0; i < 5_000; i++) {
      assertEquals(List.of(), revocations.find(Set.of(jti("new-" + i))));
    }
    assertEquals(reads, count("getAll") + count("get"), "reads: " + calls);
    assertEquals(memberGets, memberGets(), "reads that reached a member");
    assertEquals(List.of(here), revocations.find(Set.of(here.key())));
    assertEquals(List.of(elsewhere), within(revocations, elsewhere));
  }

  private static List<Revocation> within(RevocationStore store, Revocation expected) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    List<Revocation> found = store.find(Set.of(expected.key()));
    while (!found.equals(List.of(expected)) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      found = store.find(Set.of(expected.key()));
    }
    return found;
  }

  private static Revocation.Key jti(String value) {
    return new Revocation.Key(Revocation.Target.TOKEN_ID, "https://idp", value);
  }

  private long memberGets() {
    long gets = 0;
    for (HazelcastSharedStore member : cluster.stores) {
      gets += member.instance().getMap(MAP).getLocalMapStats().getGetOperationCount();
    }
    return gets;
  }

  private int count(String method) {
    return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
  }

  private HazelcastInstance counting(HazelcastInstance real) {
    return Doubles.withMaps(
        real,
        (name, map) ->
            !MAP.equals(name)
                ? map
                : Doubles.around(
                    IMap.class,
                    map,
                    call -> {
                      calls
                          .computeIfAbsent(call.name(), m -> new AtomicInteger())
                          .incrementAndGet();
                      return call.proceed();
                    }));
  }
}
