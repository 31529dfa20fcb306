package dev.gatehouse.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Revocations in this JVM. Each entry lives until its own {@link Revocation#until()} and then
 * disappears; none is evicted to make room, since a forgotten revocation would let its tokens back
 * in. Past {@link #maxEntries()} live entries a new one is refused.
 */
public final class InMemoryRevocationStore implements RevocationStore {

  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int maxEntries;
  private final Cache<Revocation.Key, Revocation> entries;

  public InMemoryRevocationStore(Clock clock, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: " + maxEntries + " must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxEntries = maxEntries;
    this.entries =
        Caffeine.newBuilder()
            .ticker(() -> Duration.ofMillis(clock.millis()).toNanos())
            .expireAfter(new UntilExpiry())
            .build();
  }

  @Override
  public void revoke(Revocation revocation) {
    Objects.requireNonNull(revocation, "revocation");
    if (!revocation.until().isAfter(clock.instant())) {
      return; // nothing it refuses is still accepted
    }
    if (entries.getIfPresent(revocation.key()) == null && size() >= maxEntries) {
      throw new IllegalStateException(
          "revocation store full: " + maxEntries + " unexpired entries; use a shared store");
    }
    entries.asMap().merge(revocation.key(), revocation, Revocation::merge);
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    // Asked on every request while the store is nearly always empty: the entry count is much
    // cheaper than a lookup per key.
    if (entries.asMap().isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Revocation> found = new ArrayList<>(1);
    for (Revocation.Key key : keys) {
      Revocation held = entries.getIfPresent(key);
      if (held != null && held.until().isAfter(now)) {
        found.add(held);
      }
    }
    return found;
  }

  @Override
  public boolean mayHoldAny() {
    return !entries.asMap().isEmpty();
  }

  /** Unexpired entries. */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  public int maxEntries() {
    return maxEntries;
  }

  private final class UntilExpiry implements Expiry<Revocation.Key, Revocation> {

    @Override
    public long expireAfterCreate(Revocation.Key key, Revocation value, long currentTime) {
      return Math.max(0, Duration.between(clock.instant(), value.until()).toNanos());
    }

    @Override
    public long expireAfterUpdate(
        Revocation.Key key, Revocation value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(
        Revocation.Key key, Revocation value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
