package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Entry events are not guaranteed (a member dying between a write and its event). A node that never
 * receives one still sees a revocation made elsewhere within a second, whether it believed nothing
 * was revoked or had already looked the key up and found it absent: the revision probe finds the
 * writes it missed and reloads its mirror. The node here is a store whose listener registration is
 * silently dropped.
 */
class LostEventsTest {

  @Test
  void aNodeThatHearsNoEventStillSeesARevocationWithinASecond() throws Exception {
    try (TestCluster cluster = TestCluster.start(2, Clock.systemUTC())) {
      RevocationStore writer = cluster.store(0).revocations();
      HazelcastSharedStore deaf = HazelcastSharedStore.using(deaf(cluster.store(1).instance()));
      RevocationStore reader = deaf.revocations();
      Instant until = Instant.now().plusSeconds(60);
      // Settled (no migration due, mirror loaded): only the revision probe can show it a write.
      MirrorTest.awaitLocal(deaf);

      Revocation first = Revocation.ofSubject("https://idp", "alice", until, until);
      assertEquals(List.of(), reader.find(Set.of(first.key())));
      writer.revoke(first);
      assertEquals(List.of(first), within(reader, first, Duration.ofSeconds(1)));

      Revocation second = Revocation.ofSubject("https://idp", "bob", until, until);
      assertEquals(List.of(), reader.find(Set.of(second.key())));
      writer.revoke(second);
      assertEquals(List.of(second), within(reader, second, Duration.ofSeconds(1)));
      deaf.close();
    }
  }

  private static List<Revocation> within(RevocationStore store, Revocation expected, Duration d)
      throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    List<Revocation> found = store.find(Set.of(expected.key()));
    while (!found.equals(List.of(expected)) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      found = store.find(Set.of(expected.key()));
    }
    return found;
  }

  /** The instance, its maps deaf to every event. */
  private static HazelcastInstance deaf(HazelcastInstance real) {
    return Doubles.withMaps(real, (name, map) -> Doubles.deaf(map));
  }
}
