package dev.gatehouse.bench;

import dev.gatehouse.config.PropertyLookup;
import dev.gatehouse.hazelcast.HazelcastKey;
import dev.gatehouse.hazelcast.HazelcastStoreFactory;
import dev.gatehouse.internal.store.InMemorySharedStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost each shared check adds to one request (issue 17), per store: {@code in-process} (the
 * stores one node keeps for itself), and Hazelcast with the revocations' near cache on and off.
 * Hazelcast runs as two embedded members on 127.0.0.1 in this JVM, the store on the first, so that
 * about half of the keys live on the other member as they would in a cluster (over loopback: a real
 * network adds its round trip to every call that leaves the node).
 *
 * <ul>
 *   <li>{@code revocationNoneRevoked}: a token's {@code jti}, {@code sub} and {@code sid} looked up
 *       while nothing is revoked anywhere, the common case (4,096 tokens in turn);
 *   <li>{@code revocationSomeRevoked}: the same with 342 revoked subjects held (a third of the
 *       subjects asked are revoked); Hazelcast answers both from its node-local mirror of the
 *       revocations;
 *   <li>{@code replayRecord}: a new DPoP proof remembered (every call a new key);
 *   <li>{@code nonceSecrets}: the keys a DPoP nonce is checked with.
 * </ul>
 *
 * <p>{@code in-process} is filter-core's default store, {@code InMemorySharedStore} (its
 * revocations in {@code InMemoryRevocationStore}, a Caffeine cache expiring each entry at its own
 * {@code until}), exactly as a filter without {@code gatehouse.store} uses it. A smoke run: {@code
 * java -jar filter-bench/target/benchmarks.jar SharedStoreChecks -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SharedStoreChecks {

  static final String ISSUER = "https://bench.gatehouse.dev";
  static final int SUBJECTS = 1024;
  static final int TOKENS = 4 * SUBJECTS;

  @Param({"in-process", "hazelcast-near-cache", "hazelcast-no-near-cache"})
  public String store;

  private final List<SharedStore> started = new ArrayList<>();
  private RevocationStore revocations;
  private ReplayStore replays;
  private NonceSecrets nonces;
  private final AtomicLong proofs = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final String run = UUID.randomUUID().toString();

  @Setup(Level.Trial)
  public void setup() {
    Clock clock = Clock.systemUTC();
    Duration rotation = Duration.ofHours(1);
    if (store.equals("in-process")) {
      // The filter's own default store, as gatehouse.store=memory makes it (bar the replay bound).
      InMemorySharedStore local = new InMemorySharedStore(clock, rotation, 50_000_000);
      revocations = local.revocations();
      replays = local.replays();
      nonces = local.nonceSecrets();
    } else {
      System.setProperty("hazelcast.logging.type", "none");
      System.setProperty("hazelcast.wait.seconds.before.join", "0");
      boolean near = store.equals("hazelcast-near-cache");
      int first = LoopbackPorts.free();
      int second = LoopbackPorts.free();
      String cluster = "bench-" + run;
      String members = "127.0.0.1:" + first + ",127.0.0.1:" + second;
      for (int port : new int[] {first, second}) {
        started.add(member(cluster, members, port, near, clock, rotation));
      }
      revocations = started.get(0).revocations();
      replays = started.get(0).replays();
      nonces = started.get(0).nonceSecrets();
    }
    if (!revocations.find(keys(0)).isEmpty()) {
      throw new IllegalStateException(store + ": a new store holds revocations");
    }
  }

  /**
   * Revoked subjects, for the benchmark that needs them only: JMH runs each benchmark and store in
   * a JVM of its own, so the others see an empty store.
   */
  @State(Scope.Benchmark)
  public static class Revoked {
    @Setup(Level.Trial)
    public void revoke(SharedStoreChecks bench) {
      Instant until = Instant.now().plus(Duration.ofHours(2));
      for (int i = 0; i < SUBJECTS; i += 3) {
        bench.revocations.revoke(Revocation.ofSubject(ISSUER, "subject-" + i, until, until));
      }
      if (bench.revocations.find(keys(0)).isEmpty()) {
        throw new IllegalStateException(bench.store + ": subject-0 not revoked");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    started.forEach(SharedStore::close);
  }

  @Benchmark
  public List<Revocation> revocationNoneRevoked() {
    return revocations.find(keys(requests.getAndIncrement()));
  }

  @Benchmark
  public List<Revocation> revocationSomeRevoked(Revoked revoked) {
    return revocations.find(keys(requests.getAndIncrement()));
  }

  @Benchmark
  public ReplayStore.Use replayRecord() {
    return replays.record(run + proofs.getAndIncrement(), Instant.now().plusSeconds(120));
  }

  @Benchmark
  public List<byte[]> nonceSecrets() {
    return nonces.accepted();
  }

  /**
   * One token's keys: its {@code jti}, its subject and its session. Clients send the same token
   * again until it expires, so the tokens repeat: {@link #TOKENS} of them, four per subject.
   */
  private static Set<Revocation.Key> keys(long n) {
    int token = (int) (n % TOKENS);
    int subject = token % SUBJECTS;
    return Set.of(
        new Revocation.Key(Revocation.Target.TOKEN_ID, ISSUER, "jti-" + token),
        new Revocation.Key(Revocation.Target.SUBJECT, ISSUER, "subject-" + subject),
        new Revocation.Key(Revocation.Target.SESSION, ISSUER, "sid-" + subject));
  }

  private static SharedStore member(
      String cluster, String members, int port, boolean nearCache, Clock clock, Duration rotation) {
    return new HazelcastStoreFactory()
        .create(
            new StoreContext(
                PropertyLookup.of(
                    Map.of(
                        HazelcastKey.CLUSTER_NAME.property(),
                        cluster,
                        HazelcastKey.MEMBERS.property(),
                        members,
                        HazelcastKey.PORT.property(),
                        Integer.toString(port),
                        HazelcastKey.NEAR_CACHE.property(),
                        nearCache ? "on" : "off",
                        HazelcastKey.REPLAY_MAX_ENTRIES.property(),
                        "50000000")),
                clock,
                rotation));
  }
}
