package dev.gatehouse.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The provider's clock: the system clock moved by an offset a test sets. Tokens are stamped and
 * introspection is judged with it. Hand it to {@code GatehouseConfigBuilder.clock} too, and the
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

  /** The same moving time seen in another zone: a later {@link #advance} moves it too. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
  }

  private static final class Zoned extends Clock {
    private final ProviderClock time;
    private final ZoneId zone;

    Zoned(ProviderClock time, ZoneId zone) {
      this.time = time;
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return time.instant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return time.withZone(other);
    }
  }
}
