package dev.gatehouse.store;

/**
 * Makes the {@link SharedStore} named by {@code gatehouse.store}. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/dev.gatehouse.store.SharedStoreFactory} entry in their jar), so adding the jar
 * is all the wiring a shared store needs.
 */
public interface SharedStoreFactory {

  /** The value of {@code gatehouse.store} that selects this factory, such as {@code hazelcast}. */
  String name();

  /**
   * A store for one filter, read from its settings.
   *
   * @throws IllegalArgumentException when a setting of this store is missing or malformed
   */
  SharedStore create(StoreContext context);
}
