package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * The reads on every request: with nothing revoked anywhere, no lookup reaches the cluster; once
 * something is, lookups go to the map. The instance is the application's own ({@code using}), seen
 * through a proxy that counts the calls on the maps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietReadsTest {

  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  TestCluster cluster;
  HazelcastSharedStore store;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(1, Clock.systemUTC());
    store = HazelcastSharedStore.using(counting(cluster.store(0).instance()));
  }

  @AfterAll
  void stop() {
    store.close();
    assertTrue(cluster.store(0).instance().getLifecycleService().isRunning());
    cluster.close();
  }

  @Test
  void anEmptyStoreAnswersWithoutAskingTheClusterAndARepeatedLookupAsksOnce() {
    RevocationStore revocations = store.revocations();
    for (int i = 0; i < 5_000; i++) {
      Revocation.Key jti = new Revocation.Key(Revocation.Target.TOKEN_ID, "https://idp", "t" + i);
      assertEquals(List.of(), revocations.find(Set.of(jti)));
    }
    assertEquals(0, count("getAll"));
    assertTrue(count("isEmpty") <= 5, "checks: " + count("isEmpty"));

    Revocation revoked = Revocation.ofTokenId("https://idp", "t1", Instant.now().plusSeconds(60));
    revocations.revoke(revoked);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(List.of(revoked), revocations.find(Set.of(revoked.key())));
    }
    // Answers are kept for a second: the first lookup asks, the next ones do not.
    assertTrue(count("getAll") <= 2, "lookups: " + count("getAll"));
  }

  private int count(String method) {
    return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
  }

  private HazelcastInstance counting(HazelcastInstance real) {
    return (HazelcastInstance)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HazelcastInstance.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              return method.getName().equals("getMap") ? countingMap((IMap<?, ?>) result) : result;
            });
  }

  private Object countingMap(IMap<?, ?> real) {
    return Proxy.newProxyInstance(
        getClass().getClassLoader(),
        new Class<?>[] {IMap.class},
        (proxy, method, args) -> {
          calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
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
