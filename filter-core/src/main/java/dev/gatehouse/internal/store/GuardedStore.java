package dev.gatehouse.internal.store;

import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.metrics.StoreCheck;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /** A store outage is usually a failover of a second or so; clients may retry then. */
  public static final Duration RETRY_AFTER = OutageGuard.RETRY_AFTER;

  private final SharedStore shared;
  private final InMemorySharedStore local;
  private final OutageGuard guard;
  private final GuardedRevocations revocations;
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
    this.local = Objects.requireNonNull(local, "local");
    this.guard =
        new OutageGuard(
            Objects.requireNonNull(outage, "outage"), Objects.requireNonNull(metrics, "metrics"));
    this.revocations = new GuardedRevocations(shared, local.revocations(), guard, this::answered);
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
    return revocations.unsent();
  }

  private ReplayStore.Use record(String key, Instant until) {
    try {
      ReplayStore.Use use = shared.replays().record(key, until);
      answered();
      return use;
    } catch (StoreUnavailableException e) {
      guard.fallBack(StoreCheck.REPLAY, e);
      return local.replays().record(key, until);
    }
  }

  /** The store answered: ends an outage, and sends what was written locally during it. */
  private void answered() {
    guard.answered();
    revocations.sendUnsent();
  }

  private final class GuardedSecrets implements NonceSecrets {

    @Override
    public byte[] current() {
      try {
        byte[] key = shared.nonceSecrets().current();
        answered();
        return key;
      } catch (StoreUnavailableException e) {
        guard.fallBack(StoreCheck.NONCE, e);
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
        guard.fallBack(StoreCheck.NONCE, e);
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
        guard.fellBack(StoreCheck.INTROSPECTION, e);
        return local.introspections().get(key);
      }
    }

    @Override
    public void put(String key, String answer, Instant until) {
      try {
        shared.introspections().put(key, answer, until);
      } catch (StoreUnavailableException e) {
        guard.fellBack(StoreCheck.INTROSPECTION, e);
        local.introspections().put(key, answer, until);
      }
    }
  }
}
