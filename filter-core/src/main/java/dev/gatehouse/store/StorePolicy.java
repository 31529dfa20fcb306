package dev.gatehouse.store;

import dev.gatehouse.config.PropertyLookup;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** For logs and messages: {@code memory}, the factory's name, or {@code application}. */
  public String name() {
    return store.isPresent() ? "application" : factory.map(SharedStoreFactory::name).orElse(MEMORY);
  }

  /** Collects the store settings; not thread-safe, used once. */
  public static final class Builder {
    private @Nullable SharedStore store;
    private @Nullable SharedStoreFactory factory;
    private PropertyLookup settings = PropertyLookup.of(Map.of());
    private StoreOutage whenUnavailable = StoreOutage.FAIL_CLOSED;

    private Builder() {}

    /** A store the application built (and closes); replaces a factory given before. */
    public Builder store(SharedStore applicationStore) {
      this.store = Objects.requireNonNull(applicationStore, "store");
      this.factory = null;
      return this;
    }

    /** The store {@code storeFactory} makes from {@code storeSettings}; replaces a store. */
    public Builder factory(SharedStoreFactory storeFactory, PropertyLookup storeSettings) {
      this.factory = Objects.requireNonNull(storeFactory, "factory");
      this.settings = Objects.requireNonNull(storeSettings, "settings");
      this.store = null;
      return this;
    }

    /** The failure policy (default {@link StoreOutage#FAIL_CLOSED}). */
    public Builder whenUnavailable(StoreOutage outage) {
      this.whenUnavailable = Objects.requireNonNull(outage, "outage");
      return this;
    }

    public StorePolicy build() {
      return new StorePolicy(
          Optional.ofNullable(store), Optional.ofNullable(factory), settings, whenUnavailable);
    }
  }
}
