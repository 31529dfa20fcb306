package dev.gatehouse.internal.signals;

import dev.gatehouse.internal.metrics.CounterSeries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one receiver has done since it started; counts only, never a SET or a subject. Read by its
 * MBean and, as {@link #series()}, by Micrometer.
 */
public final class SignalCounters {

  /** SETs by outcome (accepted, refused with its RFC 8935 code, unavailable). */
  public static final String SETS = "gatehouse.signals.sets";

  /** Revocations written (an event may write more than one). */
  public static final String REVOCATIONS = "gatehouse.signals.revocations";

  /** Events acknowledged and not acted on, by kind (unknown type, or a subject naming nothing). */
  public static final String IGNORED_EVENTS = "gatehouse.signals.events.ignored";

  private final LongAdder accepted = new LongAdder();
  private final LongAdder revocations = new LongAdder();
  private final LongAdder unknownEvents = new LongAdder();
  private final LongAdder unmappedEvents = new LongAdder();
  private final LongAdder unavailable = new LongAdder();
  private final Map<SetError, LongAdder> refused = new EnumMap<>(SetError.class);
  private final List<CounterSeries> series;

  public SignalCounters() {
    for (SetError e : SetError.values()) {
      refused.put(e, new LongAdder());
    }
    this.series = Collections.unmodifiableList(describe());
  }

  void accepted(EventMapping.Result result) {
    accepted.increment();
    revocations.add(result.revocations().size());
    unknownEvents.add(result.unknownEvents());
    unmappedEvents.add(result.unmappedEvents());
  }

  public void refused(SetError error) {
    counter(error).increment();
  }

  public void countUnavailable() {
    unavailable.increment();
  }

  public long accepted() {
    return accepted.sum();
  }

  /** Revocations written (an event may write more than one). */
  public long revocations() {
    return revocations.sum();
  }

  /** Events of types this receiver does not act on: acknowledged, ignored. */
  public long unknownEvents() {
    return unknownEvents.sum();
  }

  /** Known events whose subject names nothing in the token issuer's tokens. */
  public long unmappedEvents() {
    return unmappedEvents.sum();
  }

  /** SETs answered "try again later": the keys or the store could not be reached. */
  public long unavailable() {
    return unavailable.sum();
  }

  public long refusedCount(SetError error) {
    return counter(error).sum();
  }

  /** Every counter, zeros included, in a fixed order, with tags from fixed sets. */
  public List<CounterSeries> series() {
    return series;
  }

  private List<CounterSeries> describe() {
    List<CounterSeries> all = new ArrayList<>();
    String sets =
        "Security Event Tokens by outcome: accepted (verified and applied), refused (with its"
            + " RFC 8935 error code) or unavailable (keys or store unreachable, to be sent again)";
    all.add(set(sets, "accepted", CounterSeries.NO_VALUE, accepted));
    for (SetError e : SetError.values()) {
      all.add(set(sets, "refused", e.code(), counter(e)));
    }
    all.add(set(sets, "unavailable", CounterSeries.NO_VALUE, unavailable));
    all.add(
        new CounterSeries(
            REVOCATIONS, "Revocations written from accepted events", Map.of(), revocations));
    String ignored =
        "Events acknowledged and not acted on: unknown (a type this receiver does not apply) or"
            + " unmapped (a subject that names nothing in the token issuer's tokens)";
    all.add(new CounterSeries(IGNORED_EVENTS, ignored, Map.of("kind", "unknown"), unknownEvents));
    all.add(new CounterSeries(IGNORED_EVENTS, ignored, Map.of("kind", "unmapped"), unmappedEvents));
    return all;
  }

  private static CounterSeries set(
      String description, String outcome, String reason, LongAdder count) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("outcome", outcome);
    tags.put("reason", reason);
    return new CounterSeries(SETS, description, Collections.unmodifiableMap(tags), count);
  }

  private LongAdder counter(SetError error) {
    LongAdder c = refused.get(error);
    if (c == null) {
      throw new IllegalStateException("no counter for " + error);
    }
    return c;
  }
}
