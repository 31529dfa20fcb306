package dev.gatehouse.internal.sender;

import dev.gatehouse.store.NonceSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Random secrets of this JVM alone, replaced by a new random one every rotation period (the
 * previous one still accepted for one more period). Good for one node; nodes behind one load
 * balancer without sticky sessions need a {@link NonceSecrets} they share.
 */
public final class RotatingNonceSecrets implements NonceSecrets {

  private static final int KEY_BYTES = 32;

  private final Clock clock;
  private final long periodMillis;
  private final SecureRandom random = new SecureRandom();
  private Generation generation;

  public RotatingNonceSecrets(Clock clock, Duration rotation) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (rotation.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("rotation must be at least one second: " + rotation);
    }
    this.periodMillis = rotation.toMillis();
    this.generation = new Generation(period(), fresh(), fresh());
  }

  @Override
  public byte[] current() {
    return now().current.clone();
  }

  @Override
  public List<byte[]> accepted() {
    Generation g = now();
    return List.of(g.current.clone(), g.previous.clone());
  }

  private synchronized Generation now() {
    long period = period();
    if (period == generation.period + 1) {
      generation = new Generation(period, fresh(), generation.current);
    } else if (period != generation.period) {
      // Idle for more than a period (or the clock went back): nothing old is worth accepting.
      generation = new Generation(period, fresh(), fresh());
    }
    return generation;
  }

  private long period() {
    return Math.floorDiv(clock.millis(), periodMillis);
  }

  private byte[] fresh() {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  private record Generation(long period, byte[] current, byte[] previous) {}
}
