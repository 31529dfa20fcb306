package dev.gatehouse.internal.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a filter's counters to a Micrometer registry as {@link FunctionCounter}s that read the same
 * adders JMX reads, tagged {@code filter=<instance>}. This is the only class that names a
 * Micrometer type; {@link MetricsPublication} loads it only after checking that Micrometer is
 * there, so without Micrometer it is never loaded.
 */
final class MicrometerExport implements MetricsExport {

  static final String FILTER_TAG = "filter";

  private final MeterRegistry registry;
  private final GatehouseCounters counters;

  private MicrometerExport(MeterRegistry registry, GatehouseCounters counters) {
    this.registry = registry;
    this.counters = counters;
  }

  /**
   * @param registry the application's registry, or null for {@link Metrics#globalRegistry}
   * @throws IllegalArgumentException when {@code registry} is not a {@link MeterRegistry}
   */
  static MetricsExport create(Object registry, GatehouseCounters counters) {
    if (registry == null) {
      return new MicrometerExport(Metrics.globalRegistry, counters);
    }
    if (registry instanceof MeterRegistry meters) {
      return new MicrometerExport(meters, counters);
    }
    throw new IllegalArgumentException(
        "the meter registry given is a "
            + registry.getClass().getName()
            + ", not an io.micrometer MeterRegistry that Gatehouse's class loader sees");
  }

  @Override
  public String kind() {
    return "Micrometer";
  }

  @Override
  public boolean taken(String instance) {
    return registry.find(GatehouseCounters.REQUESTS).tag(FILTER_TAG, instance).meter() != null;
  }

  @Override
  public AutoCloseable publish(String instance) {
    List<Meter> meters = new ArrayList<>();
    try {
      for (CounterSeries series : counters.series()) {
        FunctionCounter.Builder<CounterSeries> counter =
            FunctionCounter.builder(series.name(), series, CounterSeries::value)
                .description(series.description())
                .tag(FILTER_TAG, instance);
        series.tags().forEach(counter::tag);
        meters.add(counter.register(registry));
      }
    } catch (RuntimeException e) {
      // A registry may refuse a meter (a Prometheus one does when another library already uses
      // the name with other tags): leave none behind rather than half a set.
      meters.forEach(registry::remove);
      throw e;
    }
    return () -> meters.forEach(registry::remove);
  }
}
