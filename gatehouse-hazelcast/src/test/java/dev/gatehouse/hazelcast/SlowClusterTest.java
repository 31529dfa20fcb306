package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A cluster that is up but does not answer (a member stuck in a long pause, a network that drops
 * packets): every part still gives up within the operation timeout. The instance is a real member
 * seen through a proxy whose map operations never complete.
 */
class SlowClusterTest {

  static final Set<String> BLOCKING =
      Set.of(
          "putIfAbsent",
          "tryLock",
          "isEmpty",
          "size",
          "containsKey",
          "values",
          "get",
          "set",
          "getAll");

  @Test
  void everyPartGivesUpWithinTheTimeoutWhenTheClusterDoesNotAnswer() {
    try (TestCluster cluster = TestCluster.start(1, Clock.systemUTC())) {
      HazelcastSharedStore store =
          HazelcastSharedStore.using(
              stalled(cluster.store(0).instance()),
              HazelcastStoreOptions.defaults()
                  .withOperationTimeout(UnavailableClusterTest.TIMEOUT));

      UnavailableClusterTest.everyPartThrowsWithinTheTimeout(store);
      store.close();
    }
  }

  private static HazelcastInstance stalled(HazelcastInstance real) {
    return Doubles.withMaps(
        real,
        (name, map) ->
            Doubles.around(
                IMap.class,
                map,
                call -> {
                  if (BLOCKING.contains(call.name())) {
                    Thread.sleep(60_000);
                  }
                  return call.proceed();
                }));
  }
}
