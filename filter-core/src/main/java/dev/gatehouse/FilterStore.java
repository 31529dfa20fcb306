package dev.gatehouse;

import dev.gatehouse.authz.Revocations;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.store.GuardedStore;
import dev.gatehouse.internal.store.InMemorySharedStore;
import dev.gatehouse.sender.DpopPolicy;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreContext;
import dev.gatehouse.store.StorePolicy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The store one filter uses, made once per pipeline: the in-process store by default, or the
 * configured one behind the failure policy. Closes only a store it made itself.
 */
final class FilterStore implements AutoCloseable {

  private final SharedStore inUse;
  private final @Nullable SharedStore owned;
  private final Revocations revocations;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FilterStore(SharedStore inUse, @Nullable SharedStore owned, GatehouseConfig config) {
    this.inUse = inUse;
    this.owned = owned;
    this.revocations = new Revocations(inUse.revocations(), config.clock(), config.clockSkew());
  }

  /**
   * @throws IllegalArgumentException when the configured factory finds its settings wrong
   */
  static FilterStore open(GatehouseConfig config, MetricsRecorder metrics) {
    StorePolicy policy = config.store();
    DpopPolicy dpop = config.dpop();
    InMemorySharedStore local =
        new InMemorySharedStore(config.clock(), dpop.nonceRotation(), dpop.replayMaxEntries());
    if (policy.store().isPresent()) {
      return new FilterStore(guarded(policy.store().get(), policy, local, metrics), null, config);
    }
    if (policy.factory().isPresent()) {
      SharedStore made =
          policy
              .factory()
              .get()
              .create(new StoreContext(policy.settings(), config.clock(), dpop.nonceRotation()));
      return new FilterStore(guarded(made, policy, local, metrics), made, config);
    }
    return new FilterStore(local, null, config);
  }

  private static SharedStore guarded(
      SharedStore store, StorePolicy policy, InMemorySharedStore local, MetricsRecorder metrics) {
    return new GuardedStore(store, policy.whenUnavailable(), local, metrics);
  }

  /** What every check asks, and what is published under {@link SharedStore#ATTRIBUTE}. */
  SharedStore inUse() {
    return inUse;
  }

  /** The application's revocation API over {@link #inUse()}. */
  Revocations revocations() {
    return revocations;
  }

  @Override
  public void close() {
    // A container may destroy a filter twice; the store's close need not be idempotent.
    if (owned != null && closed.compareAndSet(false, true)) {
      owned.close();
    }
  }
}
