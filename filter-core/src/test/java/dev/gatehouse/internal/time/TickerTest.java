package dev.gatehouse.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TickerTest {

  @Test
  void whenTheClockIsTheSystemClockInAnyZoneThenTheMonotonicTickerIsUsed() {
    assertSame(Ticker.SYSTEM, Ticker.of(Clock.systemUTC()));
    assertSame(Ticker.SYSTEM, Ticker.of(Clock.systemDefaultZone()));
    assertSame(Ticker.SYSTEM, Ticker.of(Clock.system(ZoneId.of("Asia/Tokyo"))));
  }

  @Test
  void whenTheClockIsTheApplicationsOwnThenTheTickerFollowsIt() {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    Ticker ticker = Ticker.of(clock);
    long before = ticker.nanos();

    clock.now = clock.now.plusSeconds(30);

    assertEquals(Duration.ofSeconds(30).toNanos(), ticker.nanos() - before);
  }

  /** Like a test kit's clock: it moves, and it does not support changing its zone. */
  private static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("fixed to UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
