package dev.gatehouse.signals;

import dev.gatehouse.internal.signals.SignalCounters;
import dev.gatehouse.internal.signals.SignalCountersView;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver's counts as the read-only MBean {@code
 * dev.gatehouse:type=SetReceiverServlet,name="<context path>/<servlet name>"}, next to the
 * filter's. Metrics never stop the receiver: a name already taken only costs the MBean.
 */
final class ReceiverMBean implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverMBean.class);

  private final @Nullable ObjectName registered;

  private ReceiverMBean(@Nullable ObjectName registered) {
    this.registered = registered;
  }

  static ReceiverMBean publish(SignalCounters counters, String contextPath, String servletName) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name =
          new ObjectName(
              "dev.gatehouse:type=SetReceiverServlet,name="
                  + ObjectName.quote(contextPath + "/" + servletName));
      server.registerMBean(new SignalCountersView(counters), name);
      return new ReceiverMBean(name);
    } catch (JMException | RuntimeException e) {
      LOG.warn("gatehouse signals: counters are not exported over JMX ({})", e.toString());
      return new ReceiverMBean(null);
    }
  }

  static ReceiverMBean none() {
    return new ReceiverMBean(null);
  }

  @Override
  public void close() {
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
