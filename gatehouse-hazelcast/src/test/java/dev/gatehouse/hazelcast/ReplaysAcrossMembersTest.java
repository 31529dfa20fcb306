package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.ReplayStore.Use;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaysAcrossMembersTest {

  TestCluster cluster;

  @BeforeAll
  void start() {
    cluster =
        TestCluster.start(
            2, Clock.systemUTC(), Map.of(HazelcastKey.REPLAY_MAX_ENTRIES.property(), "2000"));
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void exactlyOneOfConcurrentCallersOnTwoMembersIsFirst() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add("proof-" + i);
    }
    Instant until = Instant.now().plusSeconds(60);
    Map<String, AtomicInteger> firsts = new ConcurrentHashMap<>();
    AtomicInteger replayed = new AtomicInteger();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      ReplayStore member = cluster.store(t % 2).replays();
      List<String> order = new ArrayList<>(keys);
      Collections.shuffle(order);
      callers.add(
          pool.submit(
              () -> {
                go.await();
                for (String key : order) {
                  Use use = member.record(key, until);
                  if (use == Use.FIRST) {
                    firsts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                  } else if (use == Use.REPLAYED) {
                    replayed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> caller : callers) {
      caller.get();
    }
    pool.shutdown();

    assertEquals(keys.size(), firsts.size());
    firsts.forEach((key, count) -> assertEquals(1, count.get(), key));
    assertEquals(keys.size() * (threads - 1), replayed.get());
  }

  @Test
  void aFullMapRefusesNewProofsAndStillKnowsTheOldOnes() throws Exception {
    try (TestCluster small =
        TestCluster.start(
            2, Clock.systemUTC(), Map.of(HazelcastKey.REPLAY_MAX_ENTRIES.property(), "5"))) {
      ReplayStore node1 = small.store(0).replays();
      ReplayStore node2 = small.store(1).replays();
      Instant until = Instant.now().plusSeconds(60);
      assertEquals(Use.FIRST, node2.record("n2", until));
      for (int i = 0; i < 4; i++) {
        assertEquals(Use.FIRST, node1.record("k" + i, until));
      }

      assertEquals(Use.FULL, node1.record("new", until));
      assertEquals(Use.REPLAYED, node1.record("k0", until));
      // The other member counts the cluster's entries again at its next sample, at most one
      // sample period later; until then only its own are counted.
      Thread.sleep(HazelcastReplays.SAMPLE.toMillis() + 50);
      assertEquals(Use.FULL, node2.record("new", until));
      assertEquals(Use.REPLAYED, node2.record("k3", until));
    }
  }
}
