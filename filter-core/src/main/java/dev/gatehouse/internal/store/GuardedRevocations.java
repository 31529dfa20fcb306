package dev.gatehouse.internal.store;

import dev.gatehouse.internal.metrics.StoreCheck;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations under the failure policy. The node's own revocations are asked on every lookup in
 * both modes, so whatever this node was told is revoked stays refused; one written during a
 * node-local outage is kept here and sent to the shared store once it answers again.
 */
final class GuardedRevocations implements RevocationStore {

  private final SharedStore shared;
  private final RevocationStore local;
  private final OutageGuard guard;
  private final Runnable answered;
  // One entry per key, merged: bounded by the keys the local store accepted, however often the
  // same token or subject is revoked again during an outage.
  private final Map<Revocation.Key, Revocation> unsent = new ConcurrentHashMap<>();

  /**
   * @param answered what the guarded store does whenever the shared store answers
   */
  GuardedRevocations(
      SharedStore shared, RevocationStore local, OutageGuard guard, Runnable answered) {
    this.shared = shared;
    this.local = local;
    this.guard = guard;
    this.answered = answered;
  }

  @Override
  public void revoke(Revocation revocation) {
    try {
      shared.revocations().revoke(revocation);
      answered.run();
    } catch (StoreUnavailableException e) {
      if (guard.failsClosed()) {
        guard.noteOutage(e);
        throw e; // the writer learns that the revocation is not in force
      }
      guard.fellBack(StoreCheck.REVOCATION, e);
      local.revoke(revocation);
      unsent.merge(revocation.key(), revocation, Revocation::merge);
    }
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    List<Revocation> known = local.find(keys);
    List<Revocation> found;
    try {
      found = shared.revocations().find(keys);
      answered.run();
    } catch (StoreUnavailableException e) {
      guard.fallBack(StoreCheck.REVOCATION, e);
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
    if (local.mayHoldAny()) {
      return true;
    }
    try {
      return shared.revocations().mayHoldAny();
    } catch (RuntimeException e) {
      return true; // against the contract; find then decides, under the failure policy
    }
  }

  /** Revocations written here while the store was unreachable and not yet sent to it. */
  int unsent() {
    return unsent.size();
  }

  /** Sends what was written locally during an outage; stops at the first that fails again. */
  void sendUnsent() {
    if (unsent.isEmpty()) {
      return;
    }
    for (Revocation next : unsent.values()) {
      try {
        shared.revocations().revoke(next);
      } catch (StoreUnavailableException e) {
        guard.noteOutage(e);
        return;
      }
      // Removed only if no newer merge arrived meanwhile; that one is sent on the next answer.
      unsent.remove(next.key(), next);
    }
  }
}
