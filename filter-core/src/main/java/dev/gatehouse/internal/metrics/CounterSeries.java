package dev.gatehouse.internal.metrics;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One counter as exporters show it: a meter name, tags from a fixed set, and the running count. JMX
 * and Micrometer both read these, so the two can never name or count differently.
 *
 * @param name the Micrometer meter name, such as {@code gatehouse.requests}
 * @param description what the meter counts, the same for every series of one name
 * @param tags tag names and values in a fixed order, never anything taken from a request
 */
public record CounterSeries(
    String name, String description, Map<String, String> tags, LongAdder count) {

  /** Tag value for series where a tag does not apply, e.g. the reason of an accepted request. */
  public static final String NO_VALUE = "none";

  /** The count so far. */
  public long value() {
    return count.sum();
  }

  /**
   * The JMX attribute: the meter name without {@code gatehouse.}, then each tag value but {@link
   * #NO_VALUE}, joined by dots: {@code requests.rejected.invalid_signature}.
   */
  String attribute() {
    StringBuilder attribute = new StringBuilder(name.substring(name.indexOf('.') + 1));
    for (String value : tags.values()) {
      if (!NO_VALUE.equals(value)) {
        attribute.append('.').append(value);
      }
    }
    return attribute.toString();
  }
}
