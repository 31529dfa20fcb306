package dev.gatehouse.internal.metrics;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a filter's counters as one read-only MBean in the platform MBeanServer, under {@code
 * dev.gatehouse:type=GatehouseFilter,name=<instance>}. Needs nothing beyond the JDK.
 */
final class JmxExport implements MetricsExport {

  static final String DOMAIN = "dev.gatehouse";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final GatehouseCounters counters;

  JmxExport(GatehouseCounters counters) {
    this.counters = counters;
  }

  /** The name of a filter's MBean; instance names only use characters ObjectName allows bare. */
  static ObjectName objectName(String instance) throws MalformedObjectNameException {
    return new ObjectName(DOMAIN + ":type=GatehouseFilter,name=" + instance);
  }

  @Override
  public String kind() {
    return "JMX";
  }

  @Override
  public boolean taken(String instance) {
    try {
      return server.isRegistered(objectName(instance));
    } catch (MalformedObjectNameException e) {
      return true;
    }
  }

  @Override
  public AutoCloseable publish(String instance) throws Exception {
    ObjectName name =
        server.registerMBean(new CountersMBean(counters), objectName(instance)).getObjectName();
    return () -> {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    };
  }
}
