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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Revocations in one {@link IMap}: string keys ({@link RevocationCodec}), each entry living until
 * its {@code until}. Writers merge under the entry's lock, so two nodes revoking the same key never
 * shorten each other's entry, and the TTL always follows the merged {@code until}.
 *
 * <p>Reads are the hot path. Most of the time nothing is revoked at all: while the node's {@link
 * RevocationView} says so (and was confirmed by the map within {@link RevocationView#RECHECK}),
 * {@link #find} answers without asking the cluster. Otherwise the answers looked up within {@link
 * RevocationView#LOOKUP_LIFETIME} answer, and the keys not known here are read with one {@code
 * getAll}, served by the near cache when one is configured. (Hazelcast's asynchronous {@code
 * getAsync} is not used: even a near-cache hit completes its future on another thread, on a
 * two-core machine a new thread per call.)
 */
final class HazelcastRevocations implements RevocationStore {

  private final LazyMap<String, long[]> map;
  private final Remote remote;
  private final Clock clock;
  private final long maxEntries;
  private final RevocationView view = new RevocationView();
  private volatile @Nullable UUID listener;

  HazelcastRevocations(
      HazelcastInstance instance, String name, Remote remote, Clock clock, long maxEntries) {
    // The listener is registered with the proxy, before the first check reads the map: a write
    // between the two is then seen by one or the other.
    this.map = new LazyMap<>(instance, name, m -> listener = m.addEntryListener(view, true));
    this.remote = remote;
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  @Override
  public void revoke(Revocation revocation) {
    Instant now = clock.instant();
    if (!now.isBefore(revocation.until())) {
      return;
    }
    String key = RevocationCodec.key(revocation.key());
    long wait = remote.timeout().toMillis();
    boolean written =
        remote.call(
            () -> {
              IMap<String, long[]> map = this.map.get();
              // The lease bounds how long a writer that died holding the lock blocks the others.
              if (!map.tryLock(key, wait, TimeUnit.MILLISECONDS, 2 * wait, TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException("revoke: entry locked by another writer");
              }
              try {
                long[] held = map.get(key);
                // Revoking is rare: the exact size is affordable, and a new key past the bound is
                // refused rather than some other revocation being dropped.
                if (held == null && map.size() >= maxEntries) {
                  return false;
                }
                Revocation merged =
                    held == null
                        ? revocation
                        : RevocationCodec.revocation(revocation.key(), held).merge(revocation);
                map.set(
                    key,
                    RevocationCodec.value(merged),
                    ttlSeconds(merged.until(), now),
                    TimeUnit.SECONDS);
                return true;
              } finally {
                map.unlock(key);
              }
            },
            "revoke");
    if (!written) {
      throw new IllegalStateException(
          "revocations: " + maxEntries + " entries held, the most allowed");
    }
    view.changed(key, revocation.until());
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    if (view.nothingLive(now)) {
      if (remote.reachable() && view.checkedRecently()) {
        return List.of();
      }
      recheck();
      if (view.nothingLive(now)) {
        return List.of();
      }
    }
    List<Revocation.Key> wanted = List.copyOf(keys);
    long[][] values = new long[wanted.size()][];
    Set<String> missing = new HashSet<>();
    for (int i = 0; i < values.length; i++) {
      String name = RevocationCodec.key(wanted.get(i));
      values[i] = view.known(name);
      if (values[i] == null) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      long version = view.version();
      Map<String, long[]> fetched =
          remote.call(() -> map.get().getAll(missing), "revocation lookup");
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          String name = RevocationCodec.key(wanted.get(i));
          long[] value = fetched.get(name);
          values[i] = value == null ? RevocationView.ABSENT : value;
          view.keep(version, name, values[i]);
        }
      }
    }
    List<Revocation> found = new ArrayList<>(1);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != RevocationView.ABSENT) {
        Revocation revocation = RevocationCodec.revocation(wanted.get(i), values[i]);
        if (now.isBefore(revocation.until())) {
          found.add(revocation);
        }
      }
    }
    return List.copyOf(found);
  }

  /** A client reconnected: events sent meanwhile are lost, so the next read asks the cluster. */
  void forgetCheck() {
    view.forget();
  }

  void close() {
    IMap<String, long[]> made = map.ifMade();
    UUID id = listener;
    if (made != null && id != null && remote.reachable()) {
      made.removeEntryListener(id);
    }
  }

  private void recheck() {
    long started = System.nanoTime();
    Instant latest =
        remote.call(
            () -> {
              IMap<String, long[]> map = this.map.get();
              if (map.isEmpty()) {
                return Instant.MIN;
              }
              Instant max = Instant.MIN;
              for (long[] value : map.values()) {
                Instant until = RevocationCodec.until(value);
                max = until.isAfter(max) ? until : max;
              }
              return max;
            },
            "revocation check");
    view.checked(started, latest);
  }

  private static long ttlSeconds(Instant until, Instant now) {
    // Rounded up and at least one second: a TTL of zero means forever, a short one would drop the
    // revocation before its until.
    long millis = Duration.between(now, until).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
