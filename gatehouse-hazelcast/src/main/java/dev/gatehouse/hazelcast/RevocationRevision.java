package dev.gatehouse.hazelcast;

import com.hazelcast.map.IMap;

/**
 * A cluster-wide count of revocation writes, one {@code Long} entry in a small map of its own.
 * Every {@code revoke} raises it after its map write; a node compares it with the writes it has
 * heard of to find out that entry events were lost.
 *
 * <p>An ordinary map entry rather than an {@code IAtomicLong}: Hazelcast's CP data structures are
 * Enterprise-only for a real CP group and, in community's "unsafe mode", log warnings and may lose
 * an increment a member acknowledged; a {@code PNCounter} replicates between members lazily, so a
 * probe could read a value a second old. A map entry is raised with {@code replace(key, old, new)}
 * on its partition owner, kept with a synchronous backup, and readable by plain members.
 */
final class RevocationRevision {

  static final String KEY = "revision";

  private final LazyMap<String, Long> map;

  RevocationRevision(LazyMap<String, Long> map) {
    this.map = map;
  }

  /** Raises the revision by one; a blocking call, made on the store's pool. */
  void bump() {
    IMap<String, Long> revisions = map.get();
    while (true) {
      Long held = revisions.get(KEY);
      boolean raised =
          held == null
              ? revisions.putIfAbsent(KEY, 1L) == null
              : revisions.replace(KEY, held, held + 1);
      if (raised) {
        return;
      }
    }
  }

  /** The current revision, 0 before the first write; a blocking call. */
  long read() {
    Long held = map.get().get(KEY);
    return held == null ? 0 : held;
  }
}
