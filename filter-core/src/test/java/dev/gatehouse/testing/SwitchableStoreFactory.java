package dev.gatehouse.testing;

import dev.gatehouse.store.SharedStore;
import dev.gatehouse.store.SharedStoreFactory;
import dev.gatehouse.store.StoreContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code gatehouse.store=test-switchable}, registered with {@link java.util.ServiceLoader} in the
 * test class path: remembers each store it made, so a test can see that the filter closes it.
 */
public final class SwitchableStoreFactory implements SharedStoreFactory {

  public static final String NAME = "test-switchable";

  private static final List<SwitchableStore> MADE = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SharedStore create(StoreContext context) {
    SwitchableStore store = new SwitchableStore(context.clock());
    MADE.add(store);
    return store;
  }

  /** The store made last. */
  public static SwitchableStore last() {
    return MADE.get(MADE.size() - 1);
  }
}
