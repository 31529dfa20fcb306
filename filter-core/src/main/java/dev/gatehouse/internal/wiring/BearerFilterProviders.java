package dev.gatehouse.internal.wiring;

import dev.gatehouse.internal.discovery.Providers;
import jakarta.servlet.Filter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The providers of a bearer filter, for the login filter that contains one, so that both read the
 * same discovery document and keys. A public method on {@code GatehouseFilter} would put the
 * discovery machinery into the public API, and Java has no friend packages: {@code GatehouseFilter}
 * hands over the one reader when its class is initialised, which is before any instance exists to
 * be asked.
 */
public final class BearerFilterProviders {
  private static volatile @Nullable Function<Filter, Providers> reader;

  private BearerFilterProviders() {}

  /** Called once, by {@code GatehouseFilter}; later calls change nothing. */
  public static synchronized void register(Function<Filter, Providers> bearerProviders) {
    if (reader == null) {
      reader = bearerProviders;
    }
  }

  /** The providers of {@code bearer}, a {@code GatehouseFilter}; null before its {@code init}. */
  public static @Nullable Providers of(Filter bearer) {
    Function<Filter, Providers> r = reader;
    if (r == null) {
      throw new IllegalStateException("GatehouseFilter has not been loaded");
    }
    return r.apply(bearer);
  }
}
