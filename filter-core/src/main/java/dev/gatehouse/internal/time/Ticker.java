package dev.gatehouse.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Elapsed time for cooldowns, retention and rate limits, with {@link System#nanoTime()} semantics:
 * only differences mean anything. Read from the configured {@link Clock}, so that one clock drives
 * every decision about time and a test moves it instead of sleeping; the system clock is read
 * through {@code nanoTime} instead, which a wall-clock correction cannot move.
 */
@FunctionalInterface
public interface Ticker {

  /** The monotonic system ticker. */
  Ticker SYSTEM = System::nanoTime;

  long nanos();

  /** The ticker that goes with {@code clock}: {@link #SYSTEM} for the system clock. */
  static Ticker of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    // The system clock in any zone is one class; asked by class, not by withZone, because an
    // application's own clock need not support changing its zone.
    if (clock.getClass() == Clock.systemUTC().getClass()) {
      return SYSTEM;
    }
    return () -> Duration.ofMillis(clock.millis()).toNanos();
  }
}
