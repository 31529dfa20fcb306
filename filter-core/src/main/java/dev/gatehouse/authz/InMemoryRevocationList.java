package dev.gatehouse.authz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Revoked token ids ({@code jti}, per issuer) in this JVM. Each entry lives as long as the token
 * could still be accepted ({@code exp} plus the clock skew) and then disappears on its own.
 *
 * <p>Entries are never evicted to make room: a revocation that silently vanished would let the
 * token back in. Past {@link #maxEntries()} live entries, {@link #revoke} throws instead.
 */
public final class InMemoryRevocationList implements RevocationList {

  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final Duration skew;
  private final int maxEntries;
  private final Cache<Key, Instant> revoked;

  /** System clock, 30 s skew, at most {@value #DEFAULT_MAX_ENTRIES} entries. */
  public InMemoryRevocationList() {
    this(Clock.systemUTC(), Duration.ofSeconds(30), DEFAULT_MAX_ENTRIES);
  }

  /**
   * @param skew how long past {@code exp} an entry is kept, at least the verifier's clock skew
   */
  public InMemoryRevocationList(Clock clock, Duration skew, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: " + maxEntries + " must be positive");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.maxEntries = maxEntries;
    this.revoked =
        Caffeine.newBuilder()
            .ticker(() -> Duration.ofMillis(clock.millis()).toNanos())
            .expireAfter(new UntilExpiry())
            .build();
  }

  /** Revokes this token, if it has a {@code jti}; returns false when it has none. */
  public boolean revoke(AccessToken token) {
    if (token.tokenId().isEmpty()) {
      return false;
    }
    revoke(token.issuer(), token.tokenId().get(), token.expiresAt());
    return true;
  }

  /**
   * Revokes the token {@code tokenId} of {@code issuer} until {@code expiresAt} (plus the skew).
   *
   * @throws IllegalStateException when {@link #maxEntries()} unexpired entries are already held
   */
  public void revoke(String issuer, String tokenId, Instant expiresAt) {
    Key key = new Key(Objects.requireNonNull(issuer, "issuer"), Objects.requireNonNull(tokenId));
    Instant until = Objects.requireNonNull(expiresAt, "expiresAt").plus(skew);
    if (!until.isAfter(clock.instant())) {
      return; // already expired: the verifier refuses it anyway
    }
    if (revoked.getIfPresent(key) == null && size() >= maxEntries) {
      throw new IllegalStateException(
          "revocation list full: " + maxEntries + " unexpired entries; use a shared store");
    }
    revoked.asMap().merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public boolean isRevoked(AccessToken token) {
    // Asked on every request, and the list is nearly always empty: a look at the entry count is
    // much cheaper than a lookup (key, hash, the cache's read bookkeeping).
    if (revoked.asMap().isEmpty() || token.tokenId().isEmpty()) {
      return false;
    }
    Instant until = revoked.getIfPresent(new Key(token.issuer(), token.tokenId().get()));
    return until != null && until.isAfter(clock.instant());
  }

  /** Unexpired entries. */
  public long size() {
    revoked.cleanUp();
    return revoked.estimatedSize();
  }

  public int maxEntries() {
    return maxEntries;
  }

  private record Key(String issuer, String tokenId) {}

  private final class UntilExpiry implements Expiry<Key, Instant> {

    @Override
    public long expireAfterCreate(Key key, Instant until, long currentTime) {
      return Math.max(0, Duration.between(clock.instant(), until).toNanos());
    }

    @Override
    public long expireAfterUpdate(Key key, Instant until, long currentTime, long currentDuration) {
      return expireAfterCreate(key, until, currentTime);
    }

    @Override
    public long expireAfterRead(Key key, Instant until, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
