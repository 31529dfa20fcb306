package dev.gatehouse.internal.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;

/**
 * The JMX view of a filter's counters: one read-only {@code long} attribute per {@link
 * CounterSeries}, named by {@link CounterSeries#attribute()}, plus the totals {@code
 * requests.rejected} and {@code requests.unavailable}. A dynamic MBean because the attributes
 * follow the fixed table of reason codes; each is a plain number that jconsole can chart.
 */
final class CountersMBean implements DynamicMBean {

  private final Map<String, LongSupplier> attributes = new LinkedHashMap<>();
  private final Map<String, String> descriptions = new LinkedHashMap<>();
  private final MBeanInfo info;

  CountersMBean(GatehouseCounters counters) {
    List<CounterSeries> series = counters.series();
    for (CounterSeries s : series) {
      attributes.put(s.attribute(), s::value);
      descriptions.put(s.attribute(), s.name() + s.tags());
    }
    for (String outcome : List.of("rejected", "unavailable")) {
      attributes.put("requests." + outcome, () -> total(series, outcome));
      descriptions.put("requests." + outcome, "Sum of the requests." + outcome + ".* attributes");
    }
    MBeanAttributeInfo[] described =
        attributes.keySet().stream()
            .map(
                name ->
                    new MBeanAttributeInfo(
                        name, "long", descriptions.get(name), true, false, false))
            .toArray(MBeanAttributeInfo[]::new);
    this.info =
        new MBeanInfo(
            CountersMBean.class.getName(),
            "Gatehouse filter counters since the filter started",
            described,
            null,
            null,
            null);
  }

  private static long total(List<CounterSeries> series, String outcome) {
    long sum = 0;
    for (CounterSeries s : series) {
      if (GatehouseCounters.REQUESTS.equals(s.name()) && outcome.equals(s.tags().get("outcome"))) {
        sum += s.value();
      }
    }
    return sum;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    LongSupplier value = attributes.get(attribute);
    if (value == null) {
      throw new AttributeNotFoundException(attribute);
    }
    return value.getAsLong();
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(attribute.getName() + " is read-only");
  }

  @Override
  public AttributeList getAttributes(String[] names) {
    AttributeList list = new AttributeList();
    for (String name : names) {
      LongSupplier value = attributes.get(name);
      if (value != null) {
        list.add(new Attribute(name, value.getAsLong()));
      }
    }
    return list;
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String action, Object[] params, String[] signature)
      throws ReflectionException {
    throw new ReflectionException(new NoSuchMethodException(action), "no operations");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    return info;
  }
}
