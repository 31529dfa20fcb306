package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-node secrets: a new random key every period, the one before still accepted. */
class RotatingNonceSecretsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
  private final RotatingNonceSecrets secrets = new RotatingNonceSecrets(clock, Duration.ofHours(1));

  @Test
  void whenThePeriodHasNotEndedThenTheKeyStaysTheSame() {
    byte[] key = secrets.current();

    clock.advance(Duration.ofMinutes(59));

    assertArrayEquals(key, secrets.current());
    assertEquals(32, key.length);
  }

  @Test
  void whenThePeriodEndsThenANewKeyIsCurrentAndTheOldOneIsStillAccepted() {
    byte[] key = secrets.current();

    clock.advance(Duration.ofHours(1));

    List<byte[]> accepted = secrets.accepted();
    assertFalse(Arrays.equals(key, secrets.current()));
    assertArrayEquals(secrets.current(), accepted.get(0));
    assertArrayEquals(key, accepted.get(1));
  }

  @Test
  void whenMoreThanAPeriodWentByUnusedThenNoOldKeyIsAccepted() {
    byte[] key = secrets.current();

    clock.advance(Duration.ofHours(2));

    for (byte[] accepted : secrets.accepted()) {
      assertFalse(Arrays.equals(key, accepted));
    }
  }

  @Test
  void whenACallerChangesTheReturnedKeyThenTheSecretIsUntouched() {
    byte[] key = secrets.current();
    byte[] copy = key.clone();

    key[0] ^= 1;

    assertArrayEquals(copy, secrets.current());
  }

  @Test
  void whenTheRotationIsShorterThanASecondThenTheSecretsCannotBeBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RotatingNonceSecrets(clock, Duration.ofMillis(500)));
  }
}
