package dev.gatehouse.hazelcast;

import com.hazelcast.map.IMap;
import dev.gatehouse.store.ReplayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Used DPoP proofs in one {@link IMap}: {@code putIfAbsent} on the key's partition owner decides,
 * so exactly one of any number of concurrent callers, on any members, is told {@link Use#FIRST}.
 * Each entry lives until its own instant (per-entry TTL).
 *
 * <p>The map is never configured to evict: a forgotten proof could be used again. Its bound is kept
 * here instead. The cluster-wide size is read at most once per {@link #SAMPLE} and the proofs this
 * node has added since are counted on top; at the bound, new proofs are answered {@link Use#FULL}.
 * Other nodes' additions since their last sample are not seen, so the map may exceed the bound by
 * what the whole cluster records in one sample period.
 */
final class HazelcastReplays implements ReplayStore {

  static final Duration SAMPLE = Duration.ofSeconds(1);

  private final LazyMap<String, Long> map;
  private final Remote remote;
  private final Clock clock;
  private final long maxEntries;
  private final AtomicLong addedSinceSample = new AtomicLong();
  private volatile long sampledSize;
  private volatile long sampledAt = System.nanoTime() - 2 * SAMPLE.toNanos();

  HazelcastReplays(LazyMap<String, Long> map, Remote remote, Clock clock, long maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("replay max entries must be positive: " + maxEntries);
    }
    this.map = map;
    this.remote = remote;
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  @Override
  public Use record(String key, Instant until) {
    long ttlMillis = Math.max(1, Duration.between(clock.instant(), until).toMillis());
    boolean sample = System.nanoTime() - sampledAt >= SAMPLE.toNanos();
    boolean full = !sample && sampledSize + addedSinceSample.get() >= maxEntries;
    return remote.call(
        () -> {
          if (sample) {
            resample();
          }
          if (full || sampledSize + addedSinceSample.get() >= maxEntries) {
            return map.get().containsKey(key) ? Use.REPLAYED : Use.FULL;
          }
          Long held =
              map.get().putIfAbsent(key, until.toEpochMilli(), ttlMillis, TimeUnit.MILLISECONDS);
          if (held != null) {
            return Use.REPLAYED;
          }
          addedSinceSample.incrementAndGet();
          return Use.FIRST;
        },
        "replay record");
  }

  private void resample() {
    long started = System.nanoTime();
    long size = map.get().size();
    addedSinceSample.set(0);
    sampledSize = size;
    sampledAt = started;
  }
}
