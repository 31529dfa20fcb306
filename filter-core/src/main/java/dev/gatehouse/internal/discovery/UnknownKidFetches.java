package dev.gatehouse.internal.discovery;

import java.util.concurrent.TimeUnit;

/**
 * When a token naming an unknown {@code kid} may cause a JWKS fetch: at most {@code n} in any 60
 * seconds, and none within a cooldown of a failed request. The window slides (it remembers when the
 * last {@code n} fetches started and allows another once the oldest is a minute old) rather than
 * spacing fetches, so a key rotated in right after another fetch is still fetched at once, while a
 * flood of forged {@code kid}s spends the allowance and then waits.
 *
 * <p>{@link #mayFetch} is not thread-safe: the caller holds its lock. {@link #failed} may be called
 * from any thread.
 */
final class UnknownKidFetches {

  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final long cooldownNanos;
  private final long[] starts;
  private int used;
  private int oldest;
  private volatile boolean failed;
  private volatile long failedAtNanos;

  UnknownKidFetches(int perMinute, long cooldownNanos) {
    this.starts = new long[perMinute];
    this.cooldownNanos = cooldownNanos;
  }

  /** Takes one fetch at {@code nowNanos} if neither a recent failure nor the window forbids it. */
  boolean mayFetch(long nowNanos) {
    if (failed && nowNanos - failedAtNanos < cooldownNanos) {
      return false; // a failing provider is not asked again before the cooldown
    }
    if (used < starts.length) {
      starts[used++] = nowNanos;
      return true;
    }
    if (nowNanos - starts[oldest] < MINUTE_NANOS) {
      return false; // this minute's allowance is spent, by a flood or by real rotations
    }
    starts[oldest] = nowNanos;
    oldest = (oldest + 1) % starts.length;
    return true;
  }

  /** A request to the provider failed, whoever made it. */
  void failed(long nowNanos) {
    failedAtNanos = nowNanos;
    failed = true;
  }

  /** A fetch brought a key set. */
  void succeeded() {
    failed = false;
  }
}
