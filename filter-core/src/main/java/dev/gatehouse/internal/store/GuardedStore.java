package dev.gatehouse.internal.store;

import dev.gatehouse.error.ProviderUnavailableException;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.metrics.StoreCheck;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared store seen through the failure policy ({@code gatehouse.store.unavailable}): what the
 * filter and the application use, so that no caller handles {@link StoreUnavailableException}
 * itself.
 *
 * <p>Fail-closed: a revocation, replay or nonce check that cannot reach the store ends in 503, and
 * a revocation that cannot be written is refused to its writer. Node-local: such a check asks an
 * in-process store instead; a revocation is written there and sent on when the store answers again.
 * Revocations held in-process are asked on every check in both modes, so whatever this node was
 * told is revoked stays refused. Introspection answers are only a cache of the endpoint, so their
 * store never causes a 503.
 */
public final class GuardedStore implements SharedStore {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedStore.class);

  /** A store outage is usually a failover of a second or so; clients may retry then. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final SharedStore shared;
  private final StoreOutage outage;
  private final InMemorySharedStore local;
  private final MetricsRecorder metrics;
  private final AtomicBoolean degraded = new AtomicBoolean();
  // One entry per key, merged: bounded by the keys the local store accepted, however often the
  // same token or subject is revoked again during an outage.
  private final Map<Revocation.Key, Revocation> unsent = new ConcurrentHashMap<>();
  private final RevocationStore revocations = new GuardedRevocations();
  private final ReplayStore replays = this::record;
  private final NonceSecrets nonceSecrets = new GuardedSecrets();
  private final IntrospectionStore introspections = new GuardedIntrospections();

  /**
   * @param local asked while {@code shared} cannot be reached (node-local), and for the revocations
   *     this node holds itself
   */
  public GuardedStore(
      SharedStore shared, StoreOutage outage, InMemorySharedStore local, MetricsRecorder metrics) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.outage = Objects.requireNonNull(outage, "outage");
    this.local = Objects.requireNonNull(local, "local");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public RevocationStore revocations() {
    return revocations;
  }

  @Override
  public ReplayStore replays() {
    return replays;
  }

  @Override
  public NonceSecrets nonceSecrets() {
    return nonceSecrets;
  }

  @Override
  public IntrospectionStore introspections() {
    return introspections;
  }

  /** Leaves the store open: it belongs to whoever made it, and the filter closes its own. */
  @Override
  public void close() {}

  /** Revocations written here while the store was unreachable and not yet sent to it. */
  public int unsent() {
    return unsent.size();
  }

  private ReplayStore.Use record(String key, Instant until) {
    try {
      ReplayStore.Use use = shared.replays().record(key, until);
      answered();
      return use;
    } catch (StoreUnavailableException e) {
      fallBack(StoreCheck.REPLAY, e);
      return local.replays().record(key, until);
    }
  }

  /**
   * Fail-closed: the check ends in 503. Node-local: one warning per outage and a count per check.
   */
  private void fallBack(StoreCheck check, StoreUnavailableException e) {
    noteOutage(e);
    if (outage == StoreOutage.FAIL_CLOSED) {
      throw new ProviderUnavailableException(
          ProviderUnavailableException.Cause.STORE_UNAVAILABLE, RETRY_AFTER, e);
    }
    metrics.storeFallback(check);
  }

  private void noteOutage(StoreUnavailableException e) {
    if (degraded.compareAndSet(false, true)) {
      // The exception's class only: a store's message may quote keys.
      LOG.warn(
          "gatehouse store_unavailable: the shared store does not answer ({}); {} until it does",
          e.getClass().getSimpleName(),
          outage == StoreOutage.FAIL_CLOSED ? "answering 503" : "checking node-local state");
    }
  }

  /** The store answered: ends an outage, and sends what was written locally during it. */
  private void answered() {
    if (degraded.get() && degraded.compareAndSet(true, false)) {
      LOG.info("gatehouse store_unavailable ended: the shared store answers again");
    }
    if (!unsent.isEmpty()) {
      sendUnsent();
    }
  }

  private void sendUnsent() {
    for (Revocation next : unsent.values()) {
      try {
        shared.revocations().revoke(next);
      } catch (StoreUnavailableException e) {
        noteOutage(e);
        return;
      }
      // Removed only if no newer merge arrived meanwhile; that one is sent on the next answer.
      unsent.remove(next.key(), next);
    }
  }

  private final class GuardedRevocations implements RevocationStore {

    @Override
    public void revoke(Revocation revocation) {
      try {
        shared.revocations().revoke(revocation);
        answered();
      } catch (StoreUnavailableException e) {
        noteOutage(e);
        if (outage == StoreOutage.FAIL_CLOSED) {
          throw e; // the writer learns that the revocation is not in force
        }
        metrics.storeFallback(StoreCheck.REVOCATION);
        local.revocations().revoke(revocation);
        unsent.merge(revocation.key(), revocation, Revocation::merge);
      }
    }

    @Override
    public List<Revocation> find(Collection<Revocation.Key> keys) {
      List<Revocation> known = local.revocations().find(keys);
      List<Revocation> found;
      try {
        found = shared.revocations().find(keys);
        answered();
      } catch (StoreUnavailableException e) {
        fallBack(StoreCheck.REVOCATION, e);
        return known;
      }
      if (known.isEmpty()) {
        return found;
      }
      List<Revocation> both = new ArrayList<>(known);
      both.addAll(found);
      return both;
    }

    @Override
    public boolean mayHoldAny() {
      if (local.revocations().mayHoldAny()) {
        return true;
      }
      try {
        return shared.revocations().mayHoldAny();
      } catch (RuntimeException e) {
        return true; // against the contract; find then decides, under the failure policy
      }
    }
  }

  private final class GuardedSecrets implements NonceSecrets {

    @Override
    public byte[] current() {
      try {
        byte[] key = shared.nonceSecrets().current();
        answered();
        return key;
      } catch (StoreUnavailableException e) {
        fallBack(StoreCheck.NONCE, e);
        return local.nonceSecrets().current();
      }
    }

    @Override
    public List<byte[]> accepted() {
      try {
        List<byte[]> keys = shared.nonceSecrets().accepted();
        answered();
        return keys;
      } catch (StoreUnavailableException e) {
        fallBack(StoreCheck.NONCE, e);
        return local.nonceSecrets().accepted();
      }
    }
  }

  /** Never 503: a missing answer costs one call to the endpoint, which decides anyway. */
  private final class GuardedIntrospections implements IntrospectionStore {

    @Override
    public Optional<String> get(String key) {
      try {
        Optional<String> answer = shared.introspections().get(key);
        answered();
        return answer;
      } catch (StoreUnavailableException e) {
        noteOutage(e);
        metrics.storeFallback(StoreCheck.INTROSPECTION);
        return local.introspections().get(key);
      }
    }

    @Override
    public void put(String key, String answer, Instant until) {
      try {
        shared.introspections().put(key, answer, until);
      } catch (StoreUnavailableException e) {
        noteOutage(e);
        metrics.storeFallback(StoreCheck.INTROSPECTION);
        local.introspections().put(key, answer, until);
      }
    }
  }
}
