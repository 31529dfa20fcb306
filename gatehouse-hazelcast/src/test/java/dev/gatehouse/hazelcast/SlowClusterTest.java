package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

  private HazelcastInstance stalled(HazelcastInstance real) {
    return (HazelcastInstance)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HazelcastInstance.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              return method.getName().equals("getMap") ? stalledMap((IMap<?, ?>) result) : result;
            });
  }

  private Object stalledMap(IMap<?, ?> real) {
    return Proxy.newProxyInstance(
        getClass().getClassLoader(),
        new Class<?>[] {IMap.class},
        (proxy, method, args) -> {
          if (BLOCKING.contains(method.getName())) {
            Thread.sleep(60_000);
          }
          return invoke(real, method, args);
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
