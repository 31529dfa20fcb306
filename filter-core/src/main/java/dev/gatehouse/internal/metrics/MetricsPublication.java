package dev.gatehouse.internal.metrics;

import dev.gatehouse.metrics.MetricsSettings;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows one filter's counters while the filter lives: an MBean and, when Micrometer is on the
 * classpath, meters ({@link #meters} does the latter for a Shared Signals receiver). Every failure
 * here is logged once at WARN and leaves the filter working without that export; counting goes on
 * regardless.
 *
 * <p>The instance name is the servlet context path (without its leading {@code /}, if not the root)
 * and the filter name, joined by {@code /}, with any character other than letters, digits, {@code .
 * _ - /} replaced by {@code _}: {@code gatehouse} or {@code orders/gatehouse}. When it is taken in
 * the JVM (a second filter of the same name and context), {@code -2}, {@code -3}, ... is appended.
 */
public final class MetricsPublication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsPublication.class);
  private static final String MICROMETER_PROBE = "io.micrometer.core.instrument.MeterRegistry";
  private static final String DEFAULT_NAME = "gatehouse";
  private static final int MAX_SUFFIX = 1000;

  private final String instance;
  private final List<AutoCloseable> published;

  private MetricsPublication(String instance, List<AutoCloseable> published) {
    this.instance = instance;
    this.published = published;
  }

  /** Publishes {@code counters} as {@code settings} say, named after the filter. Never throws. */
  public static MetricsPublication start(
      GatehouseCounters counters, MetricsSettings settings, FilterConfig filterConfig) {
    try {
      return publish(counters, settings, filterConfig);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("gatehouse metrics: counters are not exported ({})", e.toString());
      return new MetricsPublication(DEFAULT_NAME, new ArrayList<>());
    }
  }

  private static MetricsPublication publish(
      GatehouseCounters counters, MetricsSettings settings, FilterConfig filterConfig) {
    ServletContext context = contextOf(filterConfig);
    List<MetricsExport> exports = new ArrayList<>();
    if (settings.jmx()) {
      exports.add(new JmxExport(counters));
    }
    micrometer(settings, context, registry -> MicrometerExport.create(registry, counters))
        .ifPresent(exports::add);
    return publishAll(exports, freeName(baseName(filterConfig, context), exports));
  }

  /**
   * Meters for counters that are not a filter's (a Shared Signals receiver's), tagged {@code
   * ownerTag=<context path>/<name>}, when {@code settings} allow Micrometer and it is present; the
   * owner keeps its own MBean. Never throws.
   *
   * @param probe a meter name among {@code series}, to tell whether an instance name is taken
   */
  public static MetricsPublication meters(
      List<CounterSeries> series,
      String ownerTag,
      String probe,
      MetricsSettings settings,
      @Nullable ServletContext context,
      String name) {
    try {
      List<MetricsExport> exports = new ArrayList<>();
      micrometer(
              settings,
              context,
              registry -> MicrometerExport.create(registry, series, ownerTag, probe))
          .ifPresent(exports::add);
      return publishAll(exports, freeName(instanceName(name, context), exports));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("gatehouse metrics: {} counters are not exported ({})", ownerTag, e.toString());
      return new MetricsPublication(name, new ArrayList<>());
    }
  }

  /** Nothing shown; closing it does nothing. */
  public static MetricsPublication none() {
    return new MetricsPublication(DEFAULT_NAME, new ArrayList<>());
  }

  private static MetricsPublication publishAll(List<MetricsExport> exports, String instance) {
    List<AutoCloseable> published = new ArrayList<>();
    for (MetricsExport export : exports) {
      try {
        published.add(export.publish(instance));
      } catch (Exception | LinkageError e) {
        LOG.warn(
            "gatehouse metrics: {} export of '{}' is off ({})",
            export.kind(),
            instance,
            e.toString());
      }
    }
    LOG.debug(
        "gatehouse metrics: counters shown as '{}' by {} export(s)", instance, published.size());
    return new MetricsPublication(instance, published);
  }

  /** Takes the MBean and meters away; for {@code Filter.destroy()}. Never throws. */
  @Override
  public void close() {
    for (AutoCloseable p : published) {
      try {
        p.close();
      } catch (Exception | LinkageError e) {
        LOG.warn("gatehouse metrics: could not unpublish '{}' ({})", instance, e.toString());
      }
    }
    published.clear();
  }

  private static Optional<MetricsExport> micrometer(
      MetricsSettings settings,
      @Nullable ServletContext context,
      Function<@Nullable Object, MetricsExport> export) {
    if (!settings.micrometer()) {
      return Optional.empty();
    }
    Object registry = settings.meterRegistry().orElseGet(() -> attribute(context));
    if (!micrometerPresent()) {
      if (registry != null) {
        LOG.warn(
            "gatehouse metrics: a meter registry was given, but Micrometer is not on"
                + " Gatehouse's classpath; Micrometer export is off");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(export.apply(registry));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("gatehouse metrics: Micrometer export is off ({})", e.toString());
      return Optional.empty();
    }
  }

  /** The one place that asks whether Micrometer is there, without loading anything of it. */
  static boolean micrometerPresent() {
    try {
      Class.forName(MICROMETER_PROBE, false, MetricsPublication.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String freeName(String base, List<MetricsExport> exports) {
    for (int n = 1; n <= MAX_SUFFIX; n++) {
      String candidate = n == 1 ? base : base + "-" + n;
      if (exports.stream().noneMatch(e -> e.taken(candidate))) {
        return candidate;
      }
    }
    // Only reachable when a thousand filters of one name leak: exports then fail and say so.
    return base;
  }

  static String baseName(@Nullable FilterConfig filterConfig, @Nullable ServletContext context) {
    String filter = filterConfig == null ? null : filterConfig.getFilterName();
    return instanceName(filter == null || filter.isBlank() ? DEFAULT_NAME : filter, context);
  }

  private static String instanceName(String name, @Nullable ServletContext context) {
    String path = contextPath(context);
    return sanitize(path.isEmpty() || path.equals("/") ? name : path.substring(1) + "/" + name);
  }

  private static String sanitize(String name) {
    StringBuilder clean = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == '/';
      clean.append(plain ? c : '_');
    }
    return clean.toString();
  }

  private static @Nullable ServletContext contextOf(@Nullable FilterConfig filterConfig) {
    return filterConfig == null ? null : filterConfig.getServletContext();
  }

  /** Containers always know it; a hand-made context in a test may not. */
  private static String contextPath(@Nullable ServletContext context) {
    try {
      String path = context == null ? null : context.getContextPath();
      return path == null ? "" : path;
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static @Nullable Object attribute(@Nullable ServletContext context) {
    try {
      return context == null
          ? null
          : context.getAttribute(MetricsSettings.METER_REGISTRY_ATTRIBUTE);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
