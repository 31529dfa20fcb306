package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.testing.MutableClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonceSecretsAcrossMembersTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  TestCluster cluster;
  NonceSecrets node1;
  NonceSecrets node2;

  @BeforeAll
  void start() {
    cluster = TestCluster.start(2, clock);
    node1 = cluster.store(0).nonceSecrets();
    node2 = cluster.store(1).nonceSecrets();
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  void everyMemberMakesAndAcceptsNoncesWithTheSameKeysAcrossARotation() {
    byte[] before = node2.current();
    assertEquals(32, before.length);
    assertArrayEquals(before, node1.current());
    assertSame(node1.accepted(), node2.accepted());
    assertArrayEquals(before, node1.accepted().get(0));

    clock.advance(TestCluster.ROTATION);

    byte[] after = node1.current();
    assertFalse(Arrays.equals(before, after), "a new period has a new key");
    assertArrayEquals(after, node2.current());
    assertSame(List.of(after, before), node1.accepted());
    assertSame(List.of(after, before), node2.accepted());
  }

  @Test
  void aKeyHandedOutCannotBeChangedByTheCaller() {
    byte[] key = node1.current();
    byte[] copy = key.clone();
    Arrays.fill(key, (byte) 0);
    assertArrayEquals(copy, node1.current());
  }

  private static void assertSame(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "key " + i);
    }
  }
}
