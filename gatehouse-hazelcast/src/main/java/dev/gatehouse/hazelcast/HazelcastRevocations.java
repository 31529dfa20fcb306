package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Revocations in one {@link IMap}: string keys ({@link RevocationCodec}), each entry living until
 * its {@code until}. Writers merge under the entry's lock, so two nodes revoking the same key never
 * shorten each other's entry, the TTL always follows the merged {@code until}, and every write
 * raises the {@link RevocationRevision} after it.
 *
 * <p>Reads are the hot path: {@link #find} answers from the node's {@link RevocationMirror}, a key
 * absent from it being not revoked, while the mirror is known to be current ({@link MirrorKeeper});
 * otherwise it reads the keys with one {@code getAll}, which fails as unavailable when the cluster
 * is gone. (Hazelcast's asynchronous {@code getAsync} is not used: even a near-cache hit completes
 * its future on another thread, on a two-core machine a new thread per call.)
 */
final class HazelcastRevocations implements RevocationStore {

  private final LazyMap<String, long[]> map;
  private final RevocationRevision revision;
  private final Remote remote;
  private final Clock clock;
  private final long maxEntries;
  private final RevocationMirror mirror;
  private final MirrorKeeper keeper;

  HazelcastRevocations(
      HazelcastInstance instance, HazelcastStoreOptions options, Remote remote, Clock clock) {
    this.maxEntries = options.revocationMaxEntries();
    this.mirror = new RevocationMirror(maxEntries);
    this.revision = new RevocationRevision(new LazyMap<>(instance, options.revocationRevision()));
    this.remote = remote;
    this.clock = clock;
    // The listeners are registered with the proxy, before the first load reads the map: a write
    // between the two is then seen by one or the other.
    this.map = new LazyMap<>(instance, options.revocations(), m -> keeper().listen(instance, m));
    this.keeper = new MirrorKeeper(mirror, map, revision, remote, clock, maxEntries);
    keeper.start();
  }

  private MirrorKeeper keeper() {
    return keeper;
  }

  @Override
  public void revoke(Revocation revocation) {
    Instant now = clock.instant();
    if (!now.isBefore(revocation.until())) {
      return;
    }
    String key = RevocationCodec.key(revocation.key());
    long wait = remote.timeout().toMillis();
    long @Nullable [] written =
        remote.call(
            () -> {
              IMap<String, long[]> map = this.map.get();
              // The lease bounds how long a writer that died holding the lock blocks the others.
              if (!map.tryLock(key, wait, TimeUnit.MILLISECONDS, 2 * wait, TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException("revoke: entry locked by another writer");
              }
              long[] value;
              try {
                long[] held = map.get(key);
                // Revoking is rare: the exact size is affordable, and a new key past the bound is
                // refused rather than some other revocation being dropped.
                if (held == null && map.size() >= maxEntries) {
                  return null;
                }
                Revocation merged =
                    held == null
                        ? revocation
                        : RevocationCodec.revocation(revocation.key(), held).merge(revocation);
                value = RevocationCodec.value(merged);
                map.set(key, value, ttlSeconds(merged.until(), now), TimeUnit.SECONDS);
              } finally {
                map.unlock(key);
              }
              // After the write: a node that counts this revision and has not heard of the write
              // lost its event.
              revision.bump();
              return value;
            },
            "revoke");
    if (written == null) {
      throw new IllegalStateException(
          "revocations: " + maxEntries + " entries held, the most allowed");
    }
    mirror.wrote(key, written);
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    if (!mirror.valid() && remote.reachable()) {
      // Before the first answer the mirror is loaded here, so that it can give it.
      keeper.loadIfNeverLoaded();
    }
    Instant now = clock.instant();
    List<Revocation.Key> wanted = List.copyOf(keys);
    List<Revocation> found = new ArrayList<>(1);
    if (answersLocally()) {
      for (Revocation.Key key : wanted) {
        add(found, key, mirror.get(RevocationCodec.key(key)), now);
      }
      return List.copyOf(found);
    }
    Set<String> names = new HashSet<>();
    for (Revocation.Key key : wanted) {
      names.add(RevocationCodec.key(key));
    }
    Map<String, long[]> fetched = remote.call(() -> map.get().getAll(names), "revocation lookup");
    for (Revocation.Key key : wanted) {
      add(found, key, fetched.get(RevocationCodec.key(key)), now);
    }
    return List.copyOf(found);
  }

  /**
   * False only while the mirror answers on its own and is empty: {@link #find} would then answer
   * "none" from it for any key. Unsure (mirror stale, never loaded, cluster gone) means true.
   */
  @Override
  public boolean mayHoldAny() {
    return !(answersLocally() && mirror.size() == 0);
  }

  /** A client reconnected: events sent meanwhile are lost, so the mirror is reloaded. */
  void forgetCheck() {
    keeper.invalidate();
  }

  /** True while {@link #find} answers from the mirror alone. */
  boolean answersLocally() {
    return remote.reachable() && mirror.current();
  }

  /** Entries in this node's mirror. */
  int mirrored() {
    return mirror.size();
  }

  void close() {
    keeper.close();
  }

  private static void add(
      List<Revocation> found, Revocation.Key key, long @Nullable [] value, Instant now) {
    if (value != null) {
      Revocation revocation = RevocationCodec.revocation(key, value);
      // Past its until it refuses nothing, even before the map's expiry event arrives.
      if (now.isBefore(revocation.until())) {
        found.add(revocation);
      }
    }
  }

  private static long ttlSeconds(Instant until, Instant now) {
    // Rounded up and at least one second: a TTL of zero means forever, a short one would drop the
    // revocation before its until.
    long millis = Duration.between(now, until).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
