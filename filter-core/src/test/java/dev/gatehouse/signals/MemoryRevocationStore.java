package dev.gatehouse.signals;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A revocation store in a map, for asserting what the receiver wrote; it can be switched to fail as
 * an unreachable shared store does.
 */
final class MemoryRevocationStore implements RevocationStore {

  private final Map<Revocation.Key, Revocation> entries = new ConcurrentHashMap<>();
  private volatile boolean unreachable;

  @Override
  public void revoke(Revocation revocation) {
    if (unreachable) {
      throw new StoreUnavailableException("switched off by the test");
    }
    entries.merge(revocation.key(), revocation, Revocation::merge);
  }

  @Override
  public List<Revocation> find(Collection<Revocation.Key> keys) {
    return keys.stream().map(entries::get).filter(r -> r != null).toList();
  }

  void unreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  /** Every entry written, in no order. */
  List<Revocation> all() {
    return List.copyOf(entries.values());
  }

  Revocation only() {
    if (entries.size() != 1) {
      throw new AssertionError("expected one revocation, found " + entries.values());
    }
    return entries.values().iterator().next();
  }
}
