package dev.gatehouse.metrics;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a filter shows its counters. By default both ways are on: an MBean in the platform
 * MBeanServer, and meters in a Micrometer registry when Micrometer is on the classpath. Counting
 * itself is always on; it costs an uncontended increment or two per request.
 */
public final class MetricsSettings {

  /**
   * Servlet-context attribute under which the application may put its {@code
   * io.micrometer.core.instrument.MeterRegistry} before the filter starts; used when none was given
   * in code, before {@code Metrics.globalRegistry}.
   */
  public static final String METER_REGISTRY_ATTRIBUTE = "dev.gatehouse.metrics.MeterRegistry";

  private static final MetricsSettings DEFAULTS = new MetricsSettings(true, true, null);

  private final boolean jmx;
  private final boolean micrometer;
  private final @Nullable Object meterRegistry;

  private MetricsSettings(boolean jmx, boolean micrometer, @Nullable Object meterRegistry) {
    this.jmx = jmx;
    this.micrometer = micrometer;
    this.meterRegistry = meterRegistry;
  }

  /** JMX on; Micrometer on when present, with the context attribute's or the global registry. */
  public static MetricsSettings defaults() {
    return DEFAULTS;
  }

  /** No MBean is registered ({@code gatehouse.metrics.jmx=false}). */
  public MetricsSettings withoutJmx() {
    return new MetricsSettings(false, micrometer, meterRegistry);
  }

  /** No meters are registered, even when Micrometer is present. */
  public MetricsSettings withoutMicrometer() {
    return new MetricsSettings(jmx, false, meterRegistry);
  }

  /**
   * Registers the meters in this registry. Typed {@code Object} so that Gatehouse does not need
   * Micrometer to load; anything but an {@code io.micrometer.core.instrument.MeterRegistry} that
   * Gatehouse's class loader can see is ignored with a warning when the filter starts.
   */
  public MetricsSettings withMeterRegistry(Object registry) {
    return new MetricsSettings(jmx, true, Objects.requireNonNull(registry, "registry"));
  }

  public boolean jmx() {
    return jmx;
  }

  public boolean micrometer() {
    return micrometer;
  }

  /** The registry given in code, if any. */
  public Optional<Object> meterRegistry() {
    return Optional.ofNullable(meterRegistry);
  }
}
