package dev.gatehouse.internal.sender;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.store.ReplayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The replay store of one JVM: each key lives until its own instant and then disappears.
 *
 * <p>Entries are never evicted to make room, since a forgotten {@code jti} would let its proof be
 * used again; past {@link #maxEntries()} live entries new proofs are refused ({@link Use#FULL})
 * until old ones expire. Size it as requests per second times the acceptance window.
 */
public final class InMemoryReplayStore implements ReplayStore {

  public static final int DEFAULT_MAX_ENTRIES = 200_000;

  private final Clock clock;
  private final int maxEntries;
  private final Cache<String, Instant> seen;

  public InMemoryReplayStore(Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: " + maxEntries + " must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxEntries = maxEntries;
    this.seen =
        Caffeine.newBuilder()
            .ticker(() -> Duration.ofMillis(clock.millis()).toNanos())
            .expireAfter(Expiry.creating((String key, Instant until) -> remaining(until)))
            .build();
  }

  @Override
  public Use record(String key, Instant until) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(until, "until");
    if (seen.getIfPresent(key) != null) {
      return Use.REPLAYED;
    }
    // The estimate is cheap and only ever high; the exact count is taken only near the bound.
    if (seen.estimatedSize() >= maxEntries && size() >= maxEntries) {
      return Use.FULL;
    }
    return seen.asMap().putIfAbsent(key, until) == null ? Use.FIRST : Use.REPLAYED;
  }

  /** Unexpired entries. */
  public long size() {
    seen.cleanUp();
    return seen.estimatedSize();
  }

  public int maxEntries() {
    return maxEntries;
  }

  private Duration remaining(Instant until) {
    Duration left = Duration.between(clock.instant(), until);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
