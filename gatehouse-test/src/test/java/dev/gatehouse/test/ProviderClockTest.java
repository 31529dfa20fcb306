package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProviderClockTest {

  @Test
  void whenViewedInAnotherZoneThenItStillMovesWithTheProvidersClock() {
    ProviderClock clock = new ProviderClock();
    Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

    clock.advance(Duration.ofHours(2));

    assertEquals(ZoneId.of("Asia/Tokyo"), tokyo.getZone());
    long apart = Math.abs(Duration.between(clock.instant(), tokyo.instant()).toMillis());
    assertTrue(apart < 1_000, "the zoned view lags by " + apart + " ms");
    assertSame(clock, clock.withZone(ZoneOffset.UTC));
    assertSame(clock, tokyo.withZone(ZoneOffset.UTC));
  }
}
