package dev.gatehouse.hazelcast;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What one node knows of the revocations map without asking it, kept current by the map's entry
 * listener (this class): the latest {@code until} of any revocation seen, and the answers looked up
 * recently, present or absent. Every change anywhere in the cluster raises the one and drops the
 * other's answer for that key. Events can be lost, so neither is trusted for long: the "nothing
 * revoked" view for {@link #RECHECK}, an answer for {@link #LOOKUP_LIFETIME}.
 */
final class RevocationView
    implements EntryAddedListener<String, long[]>,
        EntryUpdatedListener<String, long[]>,
        EntryMergedListener<String, long[]> {

  /** The longest the node trusts the listener alone that nothing is revoked. */
  static final Duration RECHECK = Duration.ofMillis(500);

  /** The longest the node trusts the listener alone that a looked-up answer still holds. */
  static final Duration LOOKUP_LIFETIME = Duration.ofMillis(800);

  /** Looked-up answers kept per node. */
  static final int LOOKUPS = 100_000;

  /** A key looked up and not held. */
  static final long[] ABSENT = new long[0];

  private final Cache<String, long[]> lookups =
      Caffeine.newBuilder().maximumSize(LOOKUPS).expireAfterWrite(LOOKUP_LIFETIME).build();
  private final AtomicLong changes = new AtomicLong();
  private volatile Instant liveUntil = Instant.MIN;
  // System.nanoTime() of the last check: how stale the listener's view may be is real time, not
  // the configured clock's.
  private volatile long checkedAt = System.nanoTime() - 2 * RECHECK.toNanos();

  /** True when no revocation seen is still in force at {@code now}. */
  boolean nothingLive(Instant now) {
    return !now.isBefore(liveUntil);
  }

  boolean checkedRecently() {
    return System.nanoTime() - checkedAt < RECHECK.toNanos();
  }

  /** The map was read at {@code startedNanos}: its latest {@code until} was {@code latest}. */
  void checked(long startedNanos, Instant latest) {
    raise(latest);
    checkedAt = startedNanos;
  }

  /** The answer looked up for {@code key} (possibly {@link #ABSENT}), or null if none is kept. */
  long @Nullable [] known(String key) {
    return lookups.getIfPresent(key);
  }

  /** Taken before a lookup, handed to {@link #keep} after it. */
  long version() {
    return changes.get();
  }

  /** Keeps an answer unless a change was seen since {@code version}: it may be newer than it. */
  void keep(long version, String key, long[] value) {
    if (changes.get() == version) {
      lookups.put(key, value);
    }
  }

  /** {@code key} changed (null: anything may have), and a revocation until {@code until} exists. */
  void changed(@Nullable String key, Instant until) {
    changes.incrementAndGet();
    if (key == null) {
      lookups.invalidateAll();
    } else {
      lookups.invalidate(key);
    }
    raise(until);
  }

  /** Forgets everything: events sent while a client was disconnected are lost. */
  void forget() {
    changed(null, Instant.MIN);
    checkedAt = System.nanoTime() - 2 * RECHECK.toNanos();
  }

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
    long[] value = event.getValue();
    changed(event.getKey(), value == null ? Instant.MAX : RevocationCodec.until(value));
  }

  private synchronized void raise(Instant until) {
    if (until.isAfter(liveUntil)) {
      liveUntil = until;
    }
  }
}
