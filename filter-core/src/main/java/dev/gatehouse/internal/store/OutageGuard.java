package dev.gatehouse.internal.store;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.metrics.StoreCheck;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure policy's state for one guarded store: whether an outage is under way (one warning
 * when it starts, one line when it ends), and what a check does meanwhile (503, or a count and the
 * node's own state).
 */
final class OutageGuard {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedStore.class);

  /** A store outage is usually a failover of a second or so; clients may retry then. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final StoreOutage outage;
  private final MetricsRecorder metrics;
  private final AtomicBoolean degraded = new AtomicBoolean();

  OutageGuard(StoreOutage outage, MetricsRecorder metrics) {
    this.outage = outage;
    this.metrics = metrics;
  }

  boolean failsClosed() {
    return outage == StoreOutage.FAIL_CLOSED;
  }

  /**
   * Fail-closed: the check ends in 503. Node-local: one warning per outage and a count per check.
   */
  void fallBack(StoreCheck check, StoreUnavailableException e) {
    noteOutage(e);
    if (failsClosed()) {
      throw new ProviderUnavailableException(
          ProviderUnavailableException.Cause.STORE_UNAVAILABLE, RETRY_AFTER, e);
    }
    metrics.storeFallback(check);
  }

  /** A check that never answers 503 (introspection answers) counted its fallback. */
  void fellBack(StoreCheck check, StoreUnavailableException e) {
    noteOutage(e);
    metrics.storeFallback(check);
  }

  void noteOutage(StoreUnavailableException e) {
    if (degraded.compareAndSet(false, true)) {
      // The exception's class only: a store's message may quote keys.
      LOG.warn(
          "gatehouse store_unavailable: the shared store does not answer ({}); {} until it does",
          e.getClass().getSimpleName(),
          failsClosed() ? "answering 503" : "checking node-local state");
    }
  }

  /** The store answered: ends an outage. */
  void answered() {
    if (degraded.get() && degraded.compareAndSet(true, false)) {
      LOG.info("gatehouse store_unavailable ended: the shared store answers again");
    }
  }
}
