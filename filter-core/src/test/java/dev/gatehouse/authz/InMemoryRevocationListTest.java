package dev.gatehouse.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Revoked ids live exactly as long as their token could still be accepted, and never longer. */
class InMemoryRevocationListTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String ISSUER = "https://tenant.auth0.com/";

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryRevocationList list =
      new InMemoryRevocationList(clock, Duration.ofSeconds(30), 3);

  private static AccessToken token(String issuer, String jti, Instant exp) {
    return AccessToken.builder().issuer(issuer).tokenId(jti).expiresAt(exp).build();
  }

  @Test
  void whenATokenIsRevokedThenItIsRevokedUntilItsExpiryPlusTheSkew() {
    AccessToken token = token(ISSUER, "t-1", NOW.plusSeconds(60));

    assertTrue(list.revoke(token));
    assertTrue(list.isRevoked(token));
    clock.advance(Duration.ofSeconds(89));
    assertTrue(list.isRevoked(token));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(list.isRevoked(token));
    assertEquals(0, list.size(), "the entry is gone once the token could no longer verify");
  }

  @Test
  void whenTheSameIdComesFromAnotherIssuerThenItIsNotRevoked() {
    list.revoke(ISSUER, "t-1", NOW.plusSeconds(60));

    assertFalse(list.isRevoked(token("https://other.example/", "t-1", NOW.plusSeconds(60))));
  }

  @Test
  void whenATokenHasNoIdThenItCannotBeRevoked() {
    AccessToken anonymous =
        AccessToken.builder().issuer(ISSUER).expiresAt(NOW.plusSeconds(60)).build();

    assertFalse(list.revoke(anonymous));
    assertFalse(list.isRevoked(anonymous));
  }

  @Test
  void whenTheListIsFullThenRevokingFailsLoudlyRatherThanForgettingAnEntry() {
    list.revoke(ISSUER, "a", NOW.plusSeconds(60));
    list.revoke(ISSUER, "b", NOW.plusSeconds(60));
    list.revoke(ISSUER, "c", NOW.plusSeconds(600));

    assertThrows(IllegalStateException.class, () -> list.revoke(ISSUER, "d", NOW.plusSeconds(60)));
    assertTrue(list.isRevoked(token(ISSUER, "a", NOW.plusSeconds(60))));
    list.revoke(ISSUER, "a", NOW.plusSeconds(120)); // an existing entry may be extended

    clock.advance(Duration.ofSeconds(91));
    list.revoke(ISSUER, "d", NOW.plusSeconds(600)); // room again once b expired
    assertTrue(list.isRevoked(token(ISSUER, "d", NOW.plusSeconds(600))));
  }

  @Test
  void whenTheTokenHasAlreadyExpiredThenNothingIsStored() {
    list.revoke(ISSUER, "old", NOW.minusSeconds(60));

    assertEquals(0, list.size());
  }
}
