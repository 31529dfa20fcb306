package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.internal.sender.DpopNonces.Check;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stateless nonces: made and checked with shared secrets, accepted for one to two slots. */
class DpopNoncesTest {

  private static final Duration SLOT = Duration.ofMinutes(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
  private final RotatingNonceSecrets secrets = new RotatingNonceSecrets(clock, Duration.ofHours(1));
  private final DpopNonces nonces = new DpopNonces(secrets, SLOT);

  @Test
  void whenANonceIsCheckedInItsOwnSlotThenItIsCurrent() {
    String nonce = nonces.issue(clock.instant());

    assertEquals(Check.CURRENT, nonces.check(nonce, clock.instant().plus(SLOT).minusSeconds(1)));
  }

  @Test
  void whenANonceIsCheckedInTheNextSlotThenAFreshOneIsDue() {
    String nonce = nonces.issue(clock.instant());

    assertEquals(Check.DUE_FOR_REFRESH, nonces.check(nonce, clock.instant().plus(SLOT)));
  }

  @Test
  void whenTwoSlotsHavePassedThenTheNonceIsInvalid() {
    String nonce = nonces.issue(clock.instant());

    assertEquals(Check.INVALID, nonces.check(nonce, clock.instant().plus(SLOT.multipliedBy(2))));
  }

  @Test
  void whenTheNonceIsFromAFutureSlotThenItIsInvalid() {
    String nonce = nonces.issue(clock.instant().plus(SLOT));

    assertEquals(Check.INVALID, nonces.check(nonce, clock.instant()));
  }

  @Test
  void whenAnyCharacterOfTheNonceIsChangedThenItIsInvalid() {
    String nonce = nonces.issue(clock.instant());
    for (int i = 0; i < nonce.length(); i++) {
      char swapped = nonce.charAt(i) == 'A' ? 'B' : 'A';
      String forged = nonce.substring(0, i) + swapped + nonce.substring(i + 1);

      assertEquals(Check.INVALID, nonces.check(forged, clock.instant()), "position " + i);
    }
  }

  @Test
  void whenTheNonceIsNotOneOfOursAtAllThenItIsInvalid() {
    assertEquals(Check.INVALID, nonces.check("", clock.instant()));
    assertEquals(Check.INVALID, nonces.check("x".repeat(54), clock.instant()));
    assertEquals(Check.INVALID, nonces.check("!".repeat(54), clock.instant()));
    assertEquals(Check.INVALID, nonces.check(nonces.issue(clock.instant()) + "A", clock.instant()));
  }

  @Test
  void whenAnotherNodeSharesTheSecretsThenItAcceptsTheNonce() {
    NonceSecrets shared = fixed(new byte[32], new byte[32]);
    DpopNonces nodeA = new DpopNonces(shared, SLOT);
    DpopNonces nodeB = new DpopNonces(shared, SLOT);

    assertEquals(Check.CURRENT, nodeB.check(nodeA.issue(clock.instant()), clock.instant()));
  }

  @Test
  void whenTheSecretsDifferThenTheNonceIsInvalid() {
    DpopNonces other = new DpopNonces(new RotatingNonceSecrets(clock, Duration.ofHours(1)), SLOT);

    assertEquals(Check.INVALID, other.check(nonces.issue(clock.instant()), clock.instant()));
  }

  @Test
  void whenTheSecretRotatedThenANonceOfThePreviousOneIsAcceptedAndARefreshIsDue() {
    byte[] old = filled(1);
    byte[] next = filled(2);
    String nonce = new DpopNonces(fixed(old, old), SLOT).issue(clock.instant());

    DpopNonces rotated = new DpopNonces(fixed(next, old), SLOT);

    assertEquals(Check.DUE_FOR_REFRESH, rotated.check(nonce, clock.instant()));
  }

  @Test
  void whenTheSameSlotIsAskedTwiceThenTheNonceIsTheSameAndItChangesWithTheSlot() {
    String first = nonces.issue(clock.instant());

    assertEquals(first, nonces.issue(clock.instant().plusSeconds(1)));
    assertNotEquals(first, nonces.issue(clock.instant().plus(SLOT)));
    assertTrue(first.matches("[A-Za-z0-9_-]{54}"), first);
  }

  @Test
  void whenTheSlotIsShorterThanASecondThenTheNoncesCannotBeBuilt() {
    assertThrows(
        IllegalArgumentException.class, () -> new DpopNonces(secrets, Duration.ofMillis(10)));
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) value);
    return key;
  }

  private static NonceSecrets fixed(byte[] current, byte[] previous) {
    return new NonceSecrets() {
      @Override
      public byte[] current() {
        return current;
      }

      @Override
      public List<byte[]> accepted() {
        return List.of(current, previous);
      }
    };
  }
}
