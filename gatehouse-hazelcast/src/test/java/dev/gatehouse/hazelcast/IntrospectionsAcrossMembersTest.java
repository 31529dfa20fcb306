package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionsAcrossMembersTest {

  final MutableClock clock = new MutableClock(Instant.now());
  TestCluster cluster;
  IntrospectionStore node1;
  IntrospectionStore node2;

  @BeforeAll
  void start() {
    cluster =
        TestCluster.start(
            2, clock, Map.of(HazelcastKey.INTROSPECTION_MAX_ENTRIES.property(), "5000"));
    node1 = cluster.store(0).introspections();
    node2 = cluster.store(1).introspections();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void anAnswerStoredOnOneMemberIsReadOnTheOtherUntilItsInstant() {
    node1.put("key-active", "{\"active\":true} with spaces", clock.instant().plusSeconds(30));

    assertEquals(Optional.of("{\"active\":true} with spaces"), node2.get("key-active"));
    clock.advance(Duration.ofSeconds(31));
    assertEquals(Optional.empty(), node2.get("key-active"));
    assertEquals(Optional.empty(), node1.get("key-active"));
  }

  @Test
  void anAnswerAlreadyOverIsNotStoredAndAnUnknownKeyIsEmpty() {
    node1.put("key-over", "{\"active\":false}", clock.instant().minusSeconds(1));
    assertEquals(Optional.empty(), node2.get("key-over"));
    assertEquals(Optional.empty(), node2.get("never-stored"));
  }

  @Test
  void aValueThisVersionDidNotWriteIsNoAnswer() {
    cluster.store(0).instance().getMap("gatehouse.introspections").set("foreign", "no-instant");
    cluster.store(0).instance().getMap("gatehouse.introspections").set("bad", "x12 {}");
    assertEquals(Optional.empty(), node2.get("foreign"));
    assertEquals(Optional.empty(), node2.get("bad"));
  }

  @Test
  void theMapEvictsLeastRecentlyUsedAnswersPastItsBound() {
    MapConfig config =
        cluster.store(0).instance().getConfig().getMapConfig("gatehouse.introspections");
    assertEquals(EvictionPolicy.LRU, config.getEvictionConfig().getEvictionPolicy());
    assertEquals(MaxSizePolicy.PER_NODE, config.getEvictionConfig().getMaxSizePolicy());
    assertEquals(5000, config.getEvictionConfig().getSize());
  }
}
