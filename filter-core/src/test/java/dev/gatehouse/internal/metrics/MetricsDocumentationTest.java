package dev.gatehouse.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.error.ProviderUnavailableException.Cause;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.metrics.MetricsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/metrics.md names every meter, reason code, cause and setting that the code has. */
class MetricsDocumentationTest {

  private static String page() throws IOException {
    return Files.readString(Path.of("..", "docs", "metrics.md"));
  }

  @Test
  void whenACodeOrMeterExistsThenThePageNamesIt() throws IOException {
    String page = page();
    for (Rejection r : Rejection.values()) {
      assertTrue(page.contains("`" + r.reasonCode() + "`"), r.reasonCode());
    }
    for (Cause c : Cause.values()) {
      String code = c.name().toLowerCase(Locale.ROOT);
      assertTrue(page.contains("`" + code + "`"), code);
    }
    Set<String> meters =
        new GatehouseCounters()
            .series().stream()
                .map(CounterSeries::name)
                .collect(Collectors.toCollection(HashSet::new));
    new SignalCounters().series().forEach(series -> meters.add(series.name()));
    for (String meter : meters) {
      assertTrue(page.contains("`" + meter + "`"), meter);
    }
    for (ConfigKey key : Set.of(ConfigKey.METRICS_JMX, ConfigKey.METRICS_MICROMETER)) {
      assertTrue(page.contains("`" + key.property() + "`"), key.property());
      assertTrue(page.contains("`" + key.environmentVariable() + "`"), key.environmentVariable());
    }
    assertTrue(page.contains("`" + MetricsSettings.METER_REGISTRY_ATTRIBUTE + "`"));
  }
}
