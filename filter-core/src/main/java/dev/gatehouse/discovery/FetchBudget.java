package dev.gatehouse.discovery;

import java.util.concurrent.TimeUnit;

/**
 * At most {@code n} fetches in any 60 seconds: remembers when the last {@code n} started and
 * allows another only once the oldest of them is a minute old. A sliding window rather than a
 * spacing, so that a key rotated in right after another fetch is still fetched at once, while a
 * flood of forged {@code kid}s spends the allowance and then waits. Not thread-safe: the caller
 * holds its lock.
 */
final class FetchBudget {

  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final long[] starts;
  private int used;
  private int oldest;

  FetchBudget(int perMinute) {
    this.starts = new long[perMinute];
  }

  /** Takes one fetch at {@code nowNanos} if the window allows it. */
  boolean tryTake(long nowNanos) {
    if (used < starts.length) {
      starts[used++] = nowNanos;
      return true;
    }
    if (nowNanos - starts[oldest] < MINUTE_NANOS) {
      return false;
    }
    starts[oldest] = nowNanos;
    oldest = (oldest + 1) % starts.length;
    return true;
  }
}
