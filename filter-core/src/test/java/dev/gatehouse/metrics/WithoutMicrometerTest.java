package dev.gatehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseFilter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * An application without Micrometer: Gatehouse's classes run in a class loader that cannot see
 * {@code io.micrometer}, and nothing of Micrometer is loaded, or even asked for beyond the one
 * probe, while JMX works as usual.
 */
class WithoutMicrometerTest {

  @Test
  void whenMicrometerIsAbsentThenNothingOfItLoadsAndJmxStillCounts() throws Exception {
    try (HidingMicrometer loader = new HidingMicrometer()) {
      Class<?> scenarioClass = loader.loadClass(WithoutMicrometerScenario.class.getName());
      assertNotSame(WithoutMicrometerScenario.class, scenarioClass, "runs in the hiding loader");
      Object scenario = scenarioClass.getConstructor().newInstance();

      assertEquals("200,401", ((Callable<?>) scenario).call());
      String instance = WithoutMicrometerScenario.FILTER_NAME;
      assertEquals(1, MeteredApi.jmx(instance, "requests.accepted"));
      assertEquals(1, MeteredApi.jmx(instance, "requests.rejected.missing_token"));
      ((AutoCloseable) scenario).close();

      assertFalse(MeteredApi.registered(instance));
      assertTrue(loader.loaded("dev.gatehouse.metrics.MetricsPublication"));
      assertFalse(loader.loaded("dev.gatehouse.metrics.MicrometerExport"));
      assertEquals(Set.of("io.micrometer.core.instrument.MeterRegistry"), loader.refused);
    }
  }

  /** Child-first for Gatehouse's own classes, and {@code io.micrometer} refused outright. */
  private static final class HidingMicrometer extends URLClassLoader {

    final Set<String> refused = ConcurrentHashMap.newKeySet();

    HidingMicrometer() {
      super(
          new URL[] {location(GatehouseFilter.class), location(WithoutMicrometerScenario.class)},
          WithoutMicrometerTest.class.getClassLoader());
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.micrometer.")) {
        refused.add(name);
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith("dev.gatehouse.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null) {
          type = findClass(name);
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }
  }
}
