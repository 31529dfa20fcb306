package dev.gatehouse.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one skew comparison every step uses, in whole seconds as JWT dates are. */
class ClockSkewTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_000_000, 600_000_000);
  private static final ClockSkew THIRTY = ClockSkew.of(Duration.ofSeconds(30));

  @Test
  void whenExpIsNowLessTheSkewThenExpiredAndOneSecondLaterNot() {
    assertTrue(THIRTY.isExpired(Instant.ofEpochSecond(1_000_000 - 30), NOW));
    assertFalse(THIRTY.isExpired(Instant.ofEpochSecond(1_000_000 - 29), NOW));
  }

  @Test
  void whenGivenInEpochSecondsThenTheSameAnswer() {
    assertTrue(THIRTY.isExpired(1_000_000 - 30, 1_000_000));
    assertFalse(THIRTY.isExpired(1_000_000 - 29, 1_000_000));
  }

  @Test
  void whenNoSkewThenATokenIsExpiredAtItsExpSecond() {
    ClockSkew none = ClockSkew.of(Duration.ZERO);
    assertTrue(none.isExpired(Instant.ofEpochSecond(1_000_000), NOW));
    assertFalse(none.isExpired(Instant.ofEpochSecond(1_000_001), NOW));
  }

  @Test
  void whenNbfIsBeyondNowPlusTheSkewThenNotYetValid() {
    assertTrue(THIRTY.isNotYetValid(Instant.ofEpochSecond(1_000_031), NOW));
    assertFalse(THIRTY.isNotYetValid(Instant.ofEpochSecond(1_000_030), NOW));
  }

  @Test
  void whenIatIsBeyondNowPlusTheSkewThenIssuedInTheFuture() {
    assertTrue(THIRTY.isIssuedInFuture(Instant.ofEpochSecond(1_000_031), NOW));
    assertFalse(THIRTY.isIssuedInFuture(Instant.ofEpochSecond(1_000_030), NOW));
  }

  @Test
  void whenTheSkewHasAFractionThenWholeSecondsCount() {
    assertEquals(Duration.ofSeconds(1), ClockSkew.of(Duration.ofMillis(1999)).tolerance());
  }

  @Test
  void whenTheSkewIsNegativeThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClockSkew.of(Duration.ofSeconds(-1)));
  }

  @Test
  void whenTheClockIsTheSystemClockThenTheTickerIsMonotonicNanoTime() {
    assertSame(Ticker.SYSTEM, Ticker.of(Clock.systemUTC()));
    assertSame(Ticker.SYSTEM, Ticker.of(Clock.system(ZoneId.of("Europe/Paris"))));
  }

  @Test
  void whenAnotherClockIsGivenThenTheTickerMovesWithIt() {
    Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
    Ticker ticker = Ticker.of(Clock.offset(fixed, Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(5).toNanos(), ticker.nanos() - Ticker.of(fixed).nanos());
  }
}
