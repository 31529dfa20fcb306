package dev.gatehouse.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * This node's copy of the live revocation entries, fed by the map's entry listener (this class) and
 * replaced by full reloads ({@link MirrorKeeper}). Lookups are local map reads; the copy answers
 * only while it is known to be current: loaded, not invalidated since (membership change,
 * migration, reconnect), within the bound, and confirmed by a probe of the {@link
 * RevocationRevision} that started less than {@link #STALE} ago. Otherwise the caller must ask the
 * map.
 *
 * <p>Writes to the copy are rare and serialized on this object; reads take no lock.
 */
final class RevocationMirror
    implements EntryAddedListener<String, long[]>,
        EntryUpdatedListener<String, long[]>,
        EntryMergedListener<String, long[]>,
        EntryRemovedListener<String, long[]>,
        EntryExpiredListener<String, long[]>,
        EntryEvictedListener<String, long[]> {

  /** The longest the copy answers after the last probe or load that confirmed it began. */
  static final Duration STALE = Duration.ofSeconds(1);

  /** A change heard while a reload was reading the map: null value for a removal. */
  @SuppressWarnings("ArrayRecordComponent") // never compared: replayed in order, then dropped
  private record Change(String key, long @Nullable [] value) {}

  private final long maxEntries;
  private final AtomicLong heard = new AtomicLong();
  private volatile Map<String, long[]> entries = new ConcurrentHashMap<>();
  private volatile boolean valid;
  // System.nanoTime(): staleness is real time, not the configured clock's.
  private volatile long confirmedAt;
  private @Nullable List<Change> journal;
  private long epoch;
  private long baseRevision;
  private long baseHeard;

  RevocationMirror(long maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** True when lookups may be answered from the copy. */
  boolean current() {
    return valid && System.nanoTime() - confirmedAt < STALE.toNanos();
  }

  /** True once a load succeeded and nothing invalidated it since. */
  boolean valid() {
    return valid;
  }

  /** The value held for {@code key}, or null; meaningful only while {@link #current()}. */
  long @Nullable [] get(String key) {
    return entries.get(key);
  }

  int size() {
    return entries.size();
  }

  /** Events may have been lost: the copy answers nothing until the next full reload. */
  synchronized void invalidate() {
    epoch++;
    valid = false;
  }

  /** A reload is about to read the map: changes heard from now on are kept for it. */
  synchronized long startReload() {
    journal = new ArrayList<>();
    baseHeard = heard.get();
    return epoch;
  }

  /**
   * The map held {@code snapshot} (read after the revision {@code revision}, in a reload that began
   * at {@code startedNanos}); the changes heard meanwhile are applied on top, being as new or
   * newer.
   */
  synchronized void finishReload(
      long reloadEpoch, long startedNanos, long revision, Map<String, long[]> snapshot) {
    List<Change> heardMeanwhile = journal == null ? List.of() : journal;
    journal = null;
    Map<String, long[]> fresh = new ConcurrentHashMap<>(snapshot);
    boolean within = true;
    for (Change change : heardMeanwhile) {
      within &= apply(fresh, change.key(), change.value());
    }
    entries = fresh;
    baseRevision = revision;
    if (reloadEpoch == epoch && within && fresh.size() <= maxEntries) {
      confirmedAt = startedNanos;
      valid = true;
    }
  }

  synchronized void abortReload() {
    journal = null;
  }

  /**
   * The revision read by a probe that began at {@code startedNanos}: true, and the copy confirmed,
   * when this node heard of exactly the writes counted since its last reload.
   */
  synchronized boolean confirm(long revision, long startedNanos) {
    boolean matches = revision - baseRevision == heard.get() - baseHeard;
    if (matches) {
      confirmedAt = startedNanos;
    }
    return matches;
  }

  /** Drops the entries past their {@code until}: the map's expiry events may come later. */
  synchronized void prune(Instant now) {
    entries.values().removeIf(value -> !now.isBefore(RevocationCodec.until(value)));
  }

  /** This node wrote {@code value}: seen here at once, whenever its event arrives. */
  void wrote(String key, long[] value) {
    change(key, value);
  }

  @Override
  public void entryAdded(EntryEvent<String, long[]> event) {
    written(event);
  }

  @Override
  public void entryUpdated(EntryEvent<String, long[]> event) {
    written(event);
  }

  @Override
  public void entryMerged(EntryEvent<String, long[]> event) {
    written(event);
  }

  @Override
  public void entryRemoved(EntryEvent<String, long[]> event) {
    change(event.getKey(), null);
  }

  @Override
  public void entryExpired(EntryEvent<String, long[]> event) {
    change(event.getKey(), null);
  }

  @Override
  public void entryEvicted(EntryEvent<String, long[]> event) {
    change(event.getKey(), null);
  }

  private void written(EntryEvent<String, long[]> event) {
    heard.incrementAndGet();
    long[] value = event.getValue();
    if (value == null) {
      // Without its value the change cannot be mirrored: ask the map until the next reload.
      invalidate();
    } else {
      change(event.getKey(), value);
    }
  }

  private synchronized void change(String key, long @Nullable [] value) {
    List<Change> pending = journal;
    if (pending != null) {
      pending.add(new Change(key, value));
    }
    if (!apply(entries, key, value)) {
      invalidate();
    }
  }

  /** False when a new key would take the copy past its bound: it is then not added. */
  private boolean apply(Map<String, long[]> into, String key, long @Nullable [] value) {
    if (value == null) {
      into.remove(key);
      return true;
    }
    if (!into.containsKey(key) && into.size() >= maxEntries) {
      return false;
    }
    // A held value only grows (writers merge), so an older event never shortens a newer one.
    into.merge(key, value, RevocationCodec::later);
    return true;
  }
}
