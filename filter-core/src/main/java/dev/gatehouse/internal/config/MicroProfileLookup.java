package dev.gatehouse.internal.config;

import dev.gatehouse.config.PropertyLookup;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads MicroProfile Config (system properties, environment, {@code
 * META-INF/microprofile-config.properties}) when an implementation is on the class path.
 */
public final class MicroProfileLookup implements PropertyLookup {

  private final Config config;

  private MicroProfileLookup(Config config) {
    this.config = config;
  }

  /** Empty when the API or an implementation is missing: MicroProfile Config is optional. */
  public static Optional<PropertyLookup> load(ClassLoader loader) {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    return Holder.load(loader);
  }

  @Override
  public Optional<String> get(String key) {
    return config.getOptionalValue(key, String.class);
  }

  @Override
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    config.getPropertyNames().forEach(names::add);
    return names;
  }

  /** Separate so that no MicroProfile type is touched before the class check above. */
  private static final class Holder {
    static Optional<PropertyLookup> load(ClassLoader loader) {
      try {
        return Optional.of(new MicroProfileLookup(ConfigProvider.getConfig(loader)));
      } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
        return Optional.empty(); // the API without an implementation
      }
    }
  }
}
