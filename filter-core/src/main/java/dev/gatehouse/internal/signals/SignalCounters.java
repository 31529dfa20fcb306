package dev.gatehouse.internal.signals;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one receiver has done since it started; counts only, never a SET or a subject. */
public final class SignalCounters {

  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong revocations = new AtomicLong();
  private final AtomicLong unknownEvents = new AtomicLong();
  private final AtomicLong unmappedEvents = new AtomicLong();
  private final AtomicLong unavailable = new AtomicLong();
  private final Map<SetError, AtomicLong> refused = new EnumMap<>(SetError.class);

  public SignalCounters() {
    for (SetError e : SetError.values()) {
      refused.put(e, new AtomicLong());
    }
  }

  void accepted(EventMapping.Result result) {
    accepted.incrementAndGet();
    revocations.addAndGet(result.revocations().size());
    unknownEvents.addAndGet(result.unknownEvents());
    unmappedEvents.addAndGet(result.unmappedEvents());
  }

  public void refused(SetError error) {
    counter(error).incrementAndGet();
  }

  public void countUnavailable() {
    unavailable.incrementAndGet();
  }

  public long accepted() {
    return accepted.get();
  }

  /** Revocations written (an event may write more than one). */
  public long revocations() {
    return revocations.get();
  }

  /** Events of types this receiver does not act on: acknowledged, ignored. */
  public long unknownEvents() {
    return unknownEvents.get();
  }

  /** Known events whose subject names nothing in the token issuer's tokens. */
  public long unmappedEvents() {
    return unmappedEvents.get();
  }

  /** SETs answered "try again later": the keys or the store could not be reached. */
  public long unavailable() {
    return unavailable.get();
  }

  public long refusedCount(SetError error) {
    return counter(error).get();
  }

  private AtomicLong counter(SetError error) {
    AtomicLong c = refused.get(error);
    if (c == null) {
      throw new IllegalStateException("no counter for " + error);
    }
    return c;
  }
}
