package dev.gatehouse.internal.discovery;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock of a {@link RemoteKeySource} under which its key set is created and fetched, so that
 * many requests arriving together cause one JWKS request, not one each. Requests that need the
 * fetch to decide wait for it without limit; a request naming an unknown {@code kid} waits only
 * {@link #UNKNOWN_KID_WAIT}.
 */
final class KeyFetchLock {

  /**
   * How long a request with an unknown {@code kid} waits for the fetch another request has started
   * (or for its own turn) before it is answered 503: long enough for a provider that answers, short
   * enough that a hanging one does not hold request threads for the full HTTP timeouts.
   */
  static final Duration UNKNOWN_KID_WAIT = Duration.ofSeconds(2);

  /** The {@code Retry-After} for a request that gave up waiting for a fetch in progress. */
  private static final Duration RETRY_AFTER_WAIT = Duration.ofSeconds(1);

  private final ReentrantLock lock = new ReentrantLock();

  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  /**
   * Takes the lock within {@link #UNKNOWN_KID_WAIT}, or refuses with a 503: the fetch in progress
   * has not answered in time, and a new key cannot be told from a forged one without it.
   */
  void awaitUnknownKidTurn() {
    try {
      if (lock.tryLock(UNKNOWN_KID_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProviderUnavailableException(Cause.KEYS_UNAVAILABLE, RETRY_AFTER_WAIT, null);
  }
}
