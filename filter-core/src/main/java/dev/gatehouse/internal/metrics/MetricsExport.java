package dev.gatehouse.internal.metrics;

/** One way of showing a filter's counters outside the JVM's heap: JMX or Micrometer. */
interface MetricsExport {

  /** For warnings: {@code JMX} or {@code Micrometer}. */
  String kind();

  /** Whether another filter already shows its counters under this instance name. */
  boolean taken(String instance);

  /**
   * Shows the counters under {@code instance}.
   *
   * @return what takes them away again, when the filter is destroyed
   */
  AutoCloseable publish(String instance) throws Exception;
}
