package dev.gatehouse;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.store.SharedStoreFactory;
import dev.gatehouse.store.StoreOutage;
import dev.gatehouse.store.StorePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * {@code gatehouse.store} and {@code gatehouse.store.unavailable}: any name but {@code memory} is
 * looked up among the {@link SharedStoreFactory} implementations on the class path, so a shared
 * store is a jar and one setting.
 */
final class StoreBinding {

  private StoreBinding() {}

  static void apply(Settings s, GatehouseConfigBuilder b) {
    s.set(
        ConfigKey.STORE,
        v -> {
          String name = v.strip().toLowerCase(Locale.ROOT);
          if (!name.equals(StorePolicy.MEMORY)) {
            b.store(st -> st.factory(factory(name, s.name(ConfigKey.STORE)), s.lookup()));
          }
        });
    s.set(
        ConfigKey.STORE_UNAVAILABLE,
        v -> {
          try {
            b.storeUnavailable(StoreOutage.named(v));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                s.name(ConfigKey.STORE_UNAVAILABLE) + ": " + e.getMessage(), e);
          }
        });
  }

  /**
   * @throws IllegalArgumentException naming the stores that are known when none has this name
   */
  private static SharedStoreFactory factory(String name, String property) {
    List<String> known = new ArrayList<>(List.of(StorePolicy.MEMORY));
    for (SharedStoreFactory factory : ServiceLoader.load(SharedStoreFactory.class)) {
      if (factory.name().equals(name)) {
        return factory;
      }
      known.add(factory.name());
    }
    throw new IllegalArgumentException(
        property
            + ": no store named '"
            + name
            + "' (known: "
            + String.join(", ", known)
            + "; a shared store's jar must be on the class path)");
  }
}
