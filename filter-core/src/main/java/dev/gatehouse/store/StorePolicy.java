package dev.gatehouse.store;

import dev.gatehouse.config.PropertyLookup;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link SharedStore} a filter uses and what it does while that store cannot be reached.
 *
 * <p>With neither a store nor a factory, the filter makes the in-process store ({@code
 * gatehouse.store=memory}). A factory's store is made when the filter starts and closed when it
 * stops; a store the application built is used as it is and left open.
 *
 * @param store a store the application built, used as it is
 * @param factory makes the filter's store from {@code settings} when the filter starts
 * @param settings what the factory reads its own {@code gatehouse.store.*} keys from
 * @param whenUnavailable the failure policy ({@code gatehouse.store.unavailable})
 */
public record StorePolicy(
    Optional<SharedStore> store,
    Optional<SharedStoreFactory> factory,
    PropertyLookup settings,
    StoreOutage whenUnavailable) {

  /** The value of {@code gatehouse.store} that selects the in-process store. */
  public static final String MEMORY = "memory";

  public StorePolicy {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(whenUnavailable, "whenUnavailable");
    if (store.isPresent() && factory.isPresent()) {
      throw new IllegalArgumentException("a store or a factory, not both");
    }
  }

  /** The in-process store, failing closed. */
  public static StorePolicy memory() {
    return new StorePolicy(
        Optional.empty(),
        Optional.empty(),
        PropertyLookup.of(java.util.Map.of()),
        StoreOutage.FAIL_CLOSED);
  }

  /** This policy with a store the application built. */
  public StorePolicy withStore(SharedStore applicationStore) {
    return new StorePolicy(
        Optional.of(applicationStore), Optional.empty(), settings, whenUnavailable);
  }

  /** This policy with the store {@code storeFactory} makes from {@code storeSettings}. */
  public StorePolicy withFactory(SharedStoreFactory storeFactory, PropertyLookup storeSettings) {
    return new StorePolicy(
        Optional.empty(), Optional.of(storeFactory), storeSettings, whenUnavailable);
  }

  /** This policy with another failure policy. */
  public StorePolicy whenUnavailable(StoreOutage outage) {
    return new StorePolicy(store, factory, settings, outage);
  }

  /** For logs and messages: {@code memory}, the factory's name, or {@code application}. */
  public String name() {
    return store.isPresent() ? "application" : factory.map(SharedStoreFactory::name).orElse(MEMORY);
  }
}
