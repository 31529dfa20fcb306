package dev.gatehouse.internal.signals;

import java.util.Map;

/** A receiver's counts as JMX shows them: read-only, counts only. */
public interface SignalCountersMXBean {

  long getAccepted();

  long getRevocations();

  long getUnknownEvents();

  long getUnmappedEvents();

  long getUnavailable();

  /** Refused SETs and pushes by RFC 8935 error code. */
  Map<String, Long> getRefused();
}
