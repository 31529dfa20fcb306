package dev.gatehouse.hazelcast;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
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
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Revocations in one {@link IMap}: string keys ({@link RevocationCodec}), each entry living until
 * its {@code until}. Writers merge under the entry's lock, so two nodes revoking the same key never
 * shorten each other's entry, and the TTL always follows the merged {@code until}.
 *
 * <p>Reads are the hot path. Most of the time nothing is revoked at all, so every node keeps the
 * latest {@code until} it has seen, fed by an entry listener: while that instant has passed, {@link
 * #find} answers without asking the cluster. Listener events can be lost (a member dying between a
 * write and its event), so the map's size is checked again at most once per {@link #RECHECK}, and
 * at once after a client reconnects: a revocation whose event was lost is seen within that time.
 * Otherwise the answers looked up in the last {@link #LOOKUP_LIFETIME} answer, present or absent:
 * the same listener drops a key's answer when the key changes anywhere, and the lifetime bounds
 * what a lost event can cost. The keys not known here are read with one {@code getAll}, served by
 * the near cache when one is configured. (Hazelcast's asynchronous {@code getAsync} is not used:
 * even a near-cache hit completes its future on another thread, on a two-core machine a new thread
 * per call.)
 */
final class HazelcastRevocations implements RevocationStore {

  /** The longest a node trusts its listener alone that nothing is revoked. */
  static final Duration RECHECK = Duration.ofMillis(500);

  /** The longest a node trusts its listener alone that a looked-up answer still holds. */
  static final Duration LOOKUP_LIFETIME = Duration.ofSeconds(1);

  /** Looked-up answers kept per node. */
  static final int LOOKUPS = 100_000;

  /** A key looked up and not held. */
  private static final long[] ABSENT = new long[0];

  private final LazyMap<String, long[]> map;
  private final Remote remote;
  private final Clock clock;
  private final long maxEntries;
  private volatile @Nullable UUID listener;
  private final Cache<String, long[]> lookups =
      Caffeine.newBuilder().maximumSize(LOOKUPS).expireAfterWrite(LOOKUP_LIFETIME).build();
  private final AtomicLong changes = new AtomicLong();
  private volatile Instant liveUntil = Instant.MIN;
  // System.nanoTime() of the last check: how stale the listener's view may be is real time, not
  // the configured clock's.
  private volatile long checkedAt = System.nanoTime() - 2 * RECHECK.toNanos();

  HazelcastRevocations(
      HazelcastInstance instance, String name, Remote remote, Clock clock, long maxEntries) {
    // The listener is registered with the proxy, before the first check reads the map: a write
    // between the two is then seen by one or the other.
    this.map = new LazyMap<>(instance, name, m -> listener = m.addEntryListener(new Seen(), true));
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
    changed(key);
    raise(revocation.until());
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    if (!now.isBefore(liveUntil)) {
      if (remote.reachable() && System.nanoTime() - checkedAt < RECHECK.toNanos()) {
        return List.of();
      }
      recheck();
      if (!now.isBefore(liveUntil)) {
        return List.of();
      }
    }
    List<Revocation.Key> wanted = List.copyOf(keys);
    long[][] values = new long[wanted.size()][];
    Set<String> missing = new HashSet<>();
    for (int i = 0; i < values.length; i++) {
      String name = RevocationCodec.key(wanted.get(i));
      values[i] = lookups.getIfPresent(name);
      if (values[i] == null) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      long seen = changes.get();
      Map<String, long[]> fetched =
          remote.call(() -> map.get().getAll(missing), "revocation lookup");
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          long[] value = fetched.get(RevocationCodec.key(wanted.get(i)));
          values[i] = value == null ? ABSENT : value;
        }
      }
      // A change seen while the answer was on its way may be newer than it: keep nothing then.
      if (changes.get() == seen) {
        for (int i = 0; i < values.length; i++) {
          lookups.put(RevocationCodec.key(wanted.get(i)), values[i]);
        }
      }
    }
    List<Revocation> found = new ArrayList<>(1);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != ABSENT) {
        Revocation revocation = RevocationCodec.revocation(wanted.get(i), values[i]);
        if (now.isBefore(revocation.until())) {
          found.add(revocation);
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Forgets the last check and every looked-up answer, so that the next read asks the cluster (a
   * client reconnected: events sent meanwhile are lost).
   */
  void forgetCheck() {
    changed(null);
    checkedAt = System.nanoTime() - 2 * RECHECK.toNanos();
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
    raise(latest);
    checkedAt = started;
  }

  private void changed(@Nullable String key) {
    changes.incrementAndGet();
    if (key == null) {
      lookups.invalidateAll();
    } else {
      lookups.invalidate(key);
    }
  }

  private synchronized void raise(Instant until) {
    if (until.isAfter(liveUntil)) {
      liveUntil = until;
    }
  }

  private static long ttlSeconds(Instant until, Instant now) {
    // Rounded up and at least one second: a TTL of zero means forever, a short one would drop the
    // revocation before its until.
    long millis = Duration.between(now, until).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Every write seen anywhere in the cluster raises the local "something is revoked" instant. */
  private final class Seen
      implements EntryAddedListener<String, long[]>,
          EntryUpdatedListener<String, long[]>,
          EntryMergedListener<String, long[]> {

    @Override
    public void entryAdded(EntryEvent<String, long[]> event) {
      see(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, long[]> event) {
      see(event);
    }

    @Override
    public void entryMerged(EntryEvent<String, long[]> event) {
      see(event);
    }

    private void see(EntryEvent<String, long[]> event) {
      changed(event.getKey());
      long[] value = event.getValue();
      raise(value == null ? Instant.MAX : RevocationCodec.until(value));
    }
  }
}
