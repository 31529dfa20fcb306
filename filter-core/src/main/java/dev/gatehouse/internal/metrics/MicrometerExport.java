package dev.gatehouse.internal.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binds counters to a Micrometer registry as {@link FunctionCounter}s that read the same adders JMX
 * reads, tagged with the owner: {@code filter=<instance>} for a filter's, {@code
 * receiver=<instance>} for a Shared Signals receiver's. This is the only class that names a
 * Micrometer type; {@link MetricsPublication} loads it only after checking that Micrometer is
 * there, so without Micrometer it is never loaded.
 */
final class MicrometerExport implements MetricsExport {

  static final String FILTER_TAG = "filter";

  private final MeterRegistry registry;
  private final List<CounterSeries> series;
  private final String ownerTag;
  private final String probe;

  private MicrometerExport(
      MeterRegistry registry, List<CounterSeries> series, String ownerTag, String probe) {
    this.registry = registry;
    this.series = series;
    this.ownerTag = ownerTag;
    this.probe = probe;
  }

  /** A filter's counters, tagged {@code filter}. */
  static MetricsExport create(@Nullable Object registry, GatehouseCounters counters) {
    return create(registry, counters.series(), FILTER_TAG, GatehouseCounters.REQUESTS);
  }

  /**
   * @param registry the application's registry, or null for {@link Metrics#globalRegistry}
   * @param ownerTag the tag naming whose counters these are
   * @param probe a meter every owner registers, to tell whether an instance name is taken
   * @throws IllegalArgumentException when {@code registry} is not a {@link MeterRegistry}
   */
  static MetricsExport create(
      @Nullable Object registry, List<CounterSeries> series, String ownerTag, String probe) {
    if (registry == null) {
      return new MicrometerExport(Metrics.globalRegistry, series, ownerTag, probe);
    }
    if (registry instanceof MeterRegistry meters) {
      return new MicrometerExport(meters, series, ownerTag, probe);
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
    return registry.find(probe).tag(ownerTag, instance).meter() != null;
  }

  @Override
  public AutoCloseable publish(String instance) {
    List<Meter> meters = new ArrayList<>();
    try {
      for (CounterSeries one : series) {
        FunctionCounter.Builder<CounterSeries> counter =
            FunctionCounter.builder(one.name(), one, CounterSeries::value)
                .description(one.description())
                .tag(ownerTag, instance);
        one.tags().forEach(counter::tag);
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
