package dev.gatehouse.metrics;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ConfigBinder;
import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.config.PropertyLookup;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gatehouse.metrics.jmx} and {@code gatehouse.metrics.micrometer}: on unless set false. */
class MetricsSettingsBindingTest {

  private static MetricsSettings bind(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("gatehouse.issuer", "https://tenant.example.auth0.com/");
    settings.put("gatehouse.audiences", AUDIENCE);
    return new ConfigBinder(PropertyLookup.of(settings)).bind().metrics();
  }

  @Test
  void whenNothingIsSetThenBothExportsAreOn() {
    MetricsSettings metrics = bind(Map.of());

    assertTrue(metrics.jmx());
    assertTrue(metrics.micrometer());
    assertTrue(metrics.meterRegistry().isEmpty());
  }

  @Test
  void whenEachIsSetFalseThenItIsOff() {
    assertFalse(bind(Map.of("gatehouse.metrics.jmx", "false")).jmx());
    assertTrue(bind(Map.of("gatehouse.metrics.jmx", "false")).micrometer());
    assertFalse(bind(Map.of("gatehouse.metrics.micrometer", "false")).micrometer());
    assertTrue(bind(Map.of("gatehouse.metrics.micrometer", "false")).jmx());
  }

  @Test
  void whenTheValueIsNotABooleanThenTheErrorNamesTheProperty() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> bind(Map.of("gatehouse.metrics.jmx", "off")));

    assertEquals("gatehouse.metrics.jmx: 'off' must be true or false", e.getMessage());
  }

  @Test
  void whenReadFromTheEnvironmentThenTheVariablesFollowTheUsualForm() {
    assertEquals("GATEHOUSE_METRICS_JMX", ConfigKey.METRICS_JMX.environmentVariable());
    assertEquals(
        "GATEHOUSE_METRICS_MICROMETER", ConfigKey.METRICS_MICROMETER.environmentVariable());
  }
}
