package dev.gatehouse.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The provider's clock: the system clock moved by an offset a test sets. Tokens are stamped and
 * introspection is judged with it. Hand it to {@code GatehouseConfig.Builder.clock} too, and the
 * filter under test lives in the same moved time.
 */
public final class ProviderClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  ProviderClock() {}

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Back to the system's time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the provider's clock is in UTC");
  }
}
