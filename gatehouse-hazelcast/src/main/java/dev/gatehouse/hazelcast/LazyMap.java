package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A map proxy obtained on first use rather than when the store is made: a client started before its
 * cluster cannot create proxies yet, and the filter must still start (and answer with its failure
 * policy) until the cluster is there.
 */
final class LazyMap<K, V> {

  private final HazelcastInstance instance;
  private final String name;
  private final Consumer<IMap<K, V>> onFirstUse;
  private volatile @Nullable IMap<K, V> map;

  LazyMap(HazelcastInstance instance, String name, Consumer<IMap<K, V>> onFirstUse) {
    this.instance = instance;
    this.name = name;
    this.onFirstUse = onFirstUse;
  }

  LazyMap(HazelcastInstance instance, String name) {
    this(instance, name, m -> {});
  }

  /** The proxy; throws what Hazelcast throws while it cannot be made, and is asked again then. */
  IMap<K, V> get() {
    IMap<K, V> known = map;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      IMap<K, V> again = map;
      if (again == null) {
        again = instance.getMap(name);
        onFirstUse.accept(again);
        map = again;
      }
      return again;
    }
  }

  /** The proxy if it was made. */
  @Nullable IMap<K, V> ifMade() {
    return map;
  }
}
