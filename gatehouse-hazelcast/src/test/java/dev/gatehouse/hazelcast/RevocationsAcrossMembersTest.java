package dev.gatehouse.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class RevocationsAcrossMembersTest {

  static final String ISSUER = "https://idp.test";
  static final Instant START = Instant.now();

  abstract static class TwoMembers {
    final MutableClock clock = new MutableClock(START);
    TestCluster cluster;
    RevocationStore node1;
    RevocationStore node2;

    abstract String nearCache();

    @BeforeAll
    void startTwoMembers() {
      cluster =
          TestCluster.start(2, clock, Map.of(HazelcastKey.NEAR_CACHE.property(), nearCache()));
      node1 = cluster.store(0).revocations();
      node2 = cluster.store(1).revocations();
    }

    @AfterAll
    void stop() {
      cluster.close();
    }

    @Test
    void aTokenRevokedOnOneMemberIsRefusedOnTheOtherWithinOneSecond() throws Exception {
      // Something else is revoked and the key was already read on node 2 (its near cache, if
      // any, has seen it absent): the new revocation must still get through.
      node1.revoke(Revocation.ofTokenId(ISSUER, "other-" + nearCache(), START.plusSeconds(600)));
      Revocation revocation =
          Revocation.ofTokenId(ISSUER, "jti-" + nearCache(), START.plusSeconds(600));
      assertEquals(List.of(), node2.find(Set.of(revocation.key())));

      node1.revoke(revocation);

      assertEquals(List.of(revocation), waitForOnNode2(revocation.key(), revocation));
    }

    @Test
    void aLaterRevocationOfTheSameSubjectReplacesTheEarlierOnTheOtherMember() throws Exception {
      Revocation first =
          Revocation.ofSubject(
              ISSUER, "alice-" + nearCache(), START.minusSeconds(60), START.plusSeconds(300));
      node1.revoke(first);
      assertEquals(List.of(first), waitForOnNode2(first.key(), first));

      Revocation later =
          Revocation.ofSubject(ISSUER, "alice-" + nearCache(), START, START.plusSeconds(900));
      node1.revoke(later);

      assertEquals(List.of(later), waitForOnNode2(later.key(), later));
    }

    @Test
    void concurrentWritersOnBothMembersNeverShortenEachOther() throws Exception {
      String session = "sid-" + nearCache();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RevocationStore node = i % 2 == 0 ? node1 : node2;
        Instant until = START.plusSeconds(100 + i);
        Instant issuedBefore = START.minusSeconds(40 - i);
        writes.add(
            pool.submit(
                () -> node.revoke(Revocation.ofSession(ISSUER, session, issuedBefore, until))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
      pool.shutdown();

      Revocation expected =
          Revocation.ofSession(ISSUER, session, START.minusSeconds(1), START.plusSeconds(139));
      long[] held =
          cluster
              .store(0)
              .instance()
              .<String, long[]>getMap("gatehouse.revocations")
              .get(RevocationCodec.key(expected.key()));
      assertEquals(expected, RevocationCodec.revocation(expected.key(), held));
      // Each node sees its own writes at once and the other's within a second.
      assertEquals(List.of(expected), waitFor(node1, expected.key(), expected));
      assertEquals(List.of(expected), waitForOnNode2(expected.key(), expected));
    }

    private List<Revocation> waitForOnNode2(Revocation.Key key, Revocation expected)
        throws InterruptedException {
      return waitFor(node2, key, expected);
    }

    private static List<Revocation> waitFor(
        RevocationStore node, Revocation.Key key, Revocation expected) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      List<Revocation> found = node.find(Set.of(key));
      while (!found.equals(List.of(expected)) && System.nanoTime() < deadline) {
        Thread.sleep(10);
        found = node.find(Set.of(key));
      }
      return found;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithNearCache extends TwoMembers {
    @Override
    String nearCache() {
      return "on";
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithoutNearCache extends TwoMembers {
    @Override
    String nearCache() {
      return "off";
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OneMember {
    final MutableClock clock = new MutableClock(START);
    TestCluster cluster;
    RevocationStore store;

    @BeforeAll
    void startOneMember() {
      cluster = TestCluster.start(1, clock);
      store = cluster.store(0).revocations();
    }

    @AfterAll
    void stop() {
      cluster.close();
    }

    @Test
    void anEntryPastItsUntilRefusesNothing() {
      Instant now = clock.instant();
      Revocation shortLived = Revocation.ofTokenId(ISSUER, "short", now.plusSeconds(30));
      store.revoke(shortLived);
      assertEquals(List.of(shortLived), store.find(Set.of(shortLived.key())));

      clock.advance(Duration.ofSeconds(31));

      assertEquals(List.of(), store.find(Set.of(shortLived.key())));
    }

    @Test
    void aFullStoreRefusesANewRevocationAndStillExtendsAHeldOne() {
      try (TestCluster small =
          TestCluster.start(
              1, clock, Map.of(HazelcastKey.REVOCATION_MAX_ENTRIES.property(), "2"))) {
        RevocationStore full = small.store(0).revocations();
        Instant until = clock.instant().plusSeconds(60);
        full.revoke(Revocation.ofTokenId(ISSUER, "a", until));
        full.revoke(Revocation.ofTokenId(ISSUER, "b", until));

        assertThrows(
            IllegalStateException.class,
            () -> full.revoke(Revocation.ofTokenId(ISSUER, "c", until)));
        Revocation longer = Revocation.ofTokenId(ISSUER, "a", until.plusSeconds(60));
        full.revoke(longer);
        assertEquals(List.of(longer), full.find(Set.of(longer.key())));
      }
    }

    @Test
    void aRevocationAlreadyOverIsNotWritten() {
      Instant now = clock.instant();
      Revocation over = Revocation.ofTokenId(ISSUER, "over", now.minusSeconds(1));
      store.revoke(over);
      assertFalse(
          cluster
              .store(0)
              .instance()
              .getMap("gatehouse.revocations")
              .containsKey(RevocationCodec.key(over.key())));
      assertEquals(List.of(), store.find(Set.of(over.key())));
    }

    @Test
    void keysOfDifferentTargetsOrSplitsAreDifferentEntries() {
      Instant until = clock.instant().plusSeconds(60);
      Revocation subject = Revocation.ofSubject(ISSUER, "bob", until, until);
      store.revoke(subject);

      Revocation.Key sameValueAsTokenId =
          new Revocation.Key(Revocation.Target.TOKEN_ID, ISSUER, "bob");
      Revocation.Key issuerAndValueSplitElsewhere =
          new Revocation.Key(Revocation.Target.SUBJECT, ISSUER + "b", "ob");
      assertEquals(List.of(), store.find(Set.of(sameValueAsTokenId, issuerAndValueSplitElsewhere)));
      assertEquals(List.of(subject), store.find(Set.of(subject.key(), sameValueAsTokenId)));
      assertEquals(List.of(), store.find(Set.of()));
    }
  }
}
