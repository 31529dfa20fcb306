package dev.gatehouse.internal.signals;

import java.util.Map;
import java.util.TreeMap;

/** The JMX view of a receiver's {@link SignalCounters}. */
public final class SignalCountersView implements SignalCountersMXBean {

  private final SignalCounters counters;

  public SignalCountersView(SignalCounters counters) {
    this.counters = counters;
  }

  @Override
  public long getAccepted() {
    return counters.accepted();
  }

  @Override
  public long getRevocations() {
    return counters.revocations();
  }

  @Override
  public long getUnknownEvents() {
    return counters.unknownEvents();
  }

  @Override
  public long getUnmappedEvents() {
    return counters.unmappedEvents();
  }

  @Override
  public long getUnavailable() {
    return counters.unavailable();
  }

  @Override
  public Map<String, Long> getRefused() {
    Map<String, Long> refused = new TreeMap<>();
    for (SetError e : SetError.values()) {
      refused.put(e.code(), counters.refusedCount(e));
    }
    return refused;
  }
}
