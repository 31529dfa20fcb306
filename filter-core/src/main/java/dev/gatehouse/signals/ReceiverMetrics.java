package dev.gatehouse.signals;

import dev.gatehouse.config.ConfigKey;
import dev.gatehouse.internal.config.Settings;
import dev.gatehouse.internal.metrics.MetricsPublication;
import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.internal.signals.SignalCountersView;
import dev.gatehouse.metrics.MetricsSettings;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver's counts, shown next to the filter's: the read-only MBean {@code
 * dev.gatehouse:type=SetReceiverServlet,name="<context path>/<servlet name>"} and, when Micrometer
 * is present, meters tagged {@code receiver=<context path>/<servlet name>}. The same settings as
 * the filter's switch them off ({@code gatehouse.metrics.jmx}, {@code
 * gatehouse.metrics.micrometer}) and the same context attribute names the registry. Metrics never
 * stop the receiver: a name already taken only costs that export.
 */
final class ReceiverMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverMetrics.class);
  static final String RECEIVER_TAG = "receiver";

  private final @Nullable ObjectName registered;
  private final MetricsPublication meters;

  private ReceiverMetrics(@Nullable ObjectName registered, MetricsPublication meters) {
    this.registered = registered;
    this.meters = meters;
  }

  static ReceiverMetrics publish(
      SignalCounters counters, Settings settings, ServletContext context, String servletName) {
    ObjectName mbean =
        on(settings, ConfigKey.METRICS_JMX) ? mbean(counters, context, servletName) : null;
    MetricsSettings micrometer =
        on(settings, ConfigKey.METRICS_MICROMETER)
            ? MetricsSettings.defaults().withoutJmx()
            : MetricsSettings.defaults().withoutJmx().withoutMicrometer();
    return new ReceiverMetrics(
        mbean,
        MetricsPublication.meters(
            counters.series(),
            RECEIVER_TAG,
            SignalCounters.SETS,
            micrometer,
            context,
            servletName));
  }

  private static boolean on(Settings settings, ConfigKey key) {
    return settings.bool(key).orElse(true);
  }

  private static @Nullable ObjectName mbean(
      SignalCounters counters, ServletContext context, String servletName) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name =
          new ObjectName(
              "dev.gatehouse:type=SetReceiverServlet,name="
                  + ObjectName.quote(context.getContextPath() + "/" + servletName));
      server.registerMBean(new SignalCountersView(counters), name);
      return name;
    } catch (JMException | RuntimeException e) {
      LOG.warn("gatehouse signals: counters are not exported over JMX ({})", e.toString());
      return null;
    }
  }

  static ReceiverMetrics none() {
    return new ReceiverMetrics(null, MetricsPublication.none());
  }

  @Override
  public void close() {
    meters.close();
    ObjectName name = registered;
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException e) {
      LOG.debug("gatehouse signals: MBean {} already gone", name);
    }
  }
}
