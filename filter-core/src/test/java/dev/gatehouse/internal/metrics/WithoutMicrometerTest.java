package dev.gatehouse.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.testing.HidingClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * An application without Micrometer: Gatehouse's classes run in a class loader that cannot see
 * {@code io.micrometer}, and nothing of Micrometer is loaded, or even asked for beyond the one
 * probe, while JMX works as usual.
 */
class WithoutMicrometerTest {

  @Test
  void whenMicrometerIsAbsentThenNothingOfItLoadsAndJmxStillCounts() throws Exception {
    try (HidingClassLoader loader =
        new HidingClassLoader(
            List.of("io.micrometer."), GatehouseFilter.class, WithoutMicrometerScenario.class)) {
      Class<?> scenarioClass = loader.loadClass(WithoutMicrometerScenario.class.getName());
      assertNotSame(WithoutMicrometerScenario.class, scenarioClass, "runs in the hiding loader");
      Object scenario = scenarioClass.getConstructor().newInstance();

      assertEquals("200,401", ((Callable<?>) scenario).call());
      String instance = WithoutMicrometerScenario.FILTER_NAME;
      assertEquals(1, MeteredApi.jmx(instance, "requests.accepted"));
      assertEquals(1, MeteredApi.jmx(instance, "requests.rejected.missing_token"));
      ((AutoCloseable) scenario).close();

      assertFalse(MeteredApi.registered(instance));
      assertTrue(loader.loaded().contains("dev.gatehouse.internal.metrics.MetricsPublication"));
      assertFalse(loader.loaded().contains("dev.gatehouse.internal.metrics.MicrometerExport"));
      assertEquals(Set.of("io.micrometer.core.instrument.MeterRegistry"), loader.refused());
    }
  }
}
