package dev.gatehouse.internal.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.internal.lean.CompactJws;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.time.ClockSkew;
import dev.gatehouse.token.AccessToken;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Remembers tokens that verified, so a client that reuses its token pays for the signature once.
 *
 * <p>Entries are keyed by a SHA-256 digest of the token (the raw token is not kept), bounded in
 * number and estimated size, and never outlive the token's {@code exp}. A hit is checked again:
 * {@code exp} with the skew against the configured clock, and whether the key that verified it may
 * still verify that algorithm in the current key set ({@link KeySnapshot}). A token is remembered
 * only if its key passes that check against the key set as it is after the verification, so a
 * refresh that lands while a token is verified cannot leave an entry that outlives the key. An
 * ECDSA token and its twin spelling share one entry ({@link EcdsaTwin}). Refusals are not cached;
 * access rules run on every request anyway.
 *
 * <p>Decorates the {@link JwsVerifier} seam and sits outermost, in front of the routing by issuer
 * when there are several: a hit costs a digest and a lookup, and parses nothing. Each entry is
 * checked against the keys of the issuer that verified it ({@link TrustedKeys}).
 */
public final class CachingAccessTokenVerifier implements AccessTokenVerifier {

  /** Rough fixed cost of an entry: digest, entry, token object and its collections. */
  static final int ENTRY_OVERHEAD_BYTES = 512;

  private final JwsVerifier delegate;
  private final Clock clock;
  private final ClockSkew skew;
  private final Cache<TokenDigest, Entry> cache;
  private final MetricsRecorder metrics;

  /**
   * @param maxEntries at most this many tokens are kept
   * @param maxBytes and at most about this many bytes, estimated from each token's size
   */
  public CachingAccessTokenVerifier(
      JwsVerifier delegate, Clock clock, Duration skew, int maxEntries, long maxBytes) {
    this(delegate, clock, skew, maxEntries, maxBytes, MetricsRecorder.NONE);
  }

  /** The same, counting hits and misses. */
  public CachingAccessTokenVerifier(
      JwsVerifier delegate,
      Clock clock,
      Duration skew,
      int maxEntries,
      long maxBytes,
      MetricsRecorder metrics) {
    this.metrics = metrics;
    this.delegate = delegate;
    this.clock = clock;
    this.skew = ClockSkew.of(skew);
    // Each entry weighs at least maxBytes / maxEntries, so both bounds hold with one weight limit.
    int floor = (int) Math.max(1, maxBytes / maxEntries);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((TokenDigest d, Entry e) -> Math.max(floor, e.weight()))
            .expireAfter(new UntilExpiry(clock))
            // Maintenance on the calling thread: handing it to the common pool cost more per hit
            // (thread wake-ups) than the work itself.
            .executor(Runnable::run)
            .build();
  }

  @Override
  public AccessToken verify(String token) {
    TokenDigest digest = TokenDigest.of(token);
    Entry hit = cache.getIfPresent(digest);
    if (hit != null) {
      if (stillValid(hit)) {
        metrics.tokenCacheHit();
        return hit.token();
      }
      cache.invalidate(digest);
    }
    // Not seen in this spelling; an ECDSA token may have been seen in its low-S one.
    CompactJws jws = CompactJws.parse(token);
    String ecdsa = EcdsaTwin.algorithmForLength(jws.lastSegmentLength());
    String low = ecdsa == null ? null : EcdsaTwin.lowSpelling(jws, ecdsa);
    TokenDigest lowDigest = low == null || low.equals(token) ? digest : TokenDigest.of(low);
    if (lowDigest != digest) {
      Entry twin = cache.getIfPresent(lowDigest);
      // Same header, so the same alg: an entry verified under it vouches for this spelling too.
      if (twin != null && twin.alg().equals(ecdsa)) {
        if (stillValid(twin)) {
          metrics.tokenCacheHit();
          return twin.token();
        }
        cache.invalidate(lowDigest);
      }
    }
    metrics.tokenCacheMiss();
    Verified verified = delegate.verify(jws);
    // Checked against the set as it is now, not as it was when the signature was checked.
    KeySnapshot current = verified.keys().current();
    if (current.permits(verified.key(), verified.alg())) {
      boolean twins = EcdsaTwin.isEcdsa(verified.alg()) && verified.alg().equals(ecdsa);
      cache.put(
          twins ? lowDigest : digest,
          new Entry(
              verified.token(),
              verified.key(),
              verified.alg(),
              verified.keys(),
              current,
              ENTRY_OVERHEAD_BYTES + 4 * token.length()));
    }
    return verified.token();
  }

  /** Number of tokens currently remembered; for tests and metrics. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private boolean stillValid(Entry entry) {
    long now = Math.floorDiv(clock.millis(), 1000);
    if (skew.isExpired(entry.token().expiresAt().getEpochSecond(), now)) {
      return false; // the uncached path gives the precise refusal
    }
    KeySnapshot current = entry.keys().current();
    // Same key set as when it was remembered: nothing to look up. Otherwise the key must still be
    // a signature key for this algorithm.
    return entry.verifiedUnder() == current || current.permits(entry.key(), entry.alg());
  }

  private record Entry(
      AccessToken token,
      Key key,
      String alg,
      TrustedKeys keys,
      KeySnapshot verifiedUnder,
      int weight) {}

  /** Expires each entry at its token's {@code exp} by the configured clock. */
  private record UntilExpiry(Clock clock) implements Expiry<TokenDigest, Entry> {

    @Override
    public long expireAfterCreate(TokenDigest key, Entry value, long currentTime) {
      long seconds = value.token().expiresAt().getEpochSecond() - clock.instant().getEpochSecond();
      return TimeUnit.SECONDS.toNanos(Math.max(0, seconds)); // saturates instead of overflowing
    }

    @Override
    public long expireAfterUpdate(
        TokenDigest key, Entry value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(
        TokenDigest key, Entry value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
