package dev.gatehouse.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static PendingLogin login(String state, Instant expiresAt) {
    return new PendingLogin(
        state, "nonce-" + state, "verifier-" + state, "https://app/cb", "/", expiresAt);
  }

  @Test
  void takeWhenStateMatchesThenFoundAndRemoved() {
    PendingLogins pending =
        PendingLogins.none()
            .with(login("a", NOW.plusSeconds(60)), NOW, 5)
            .with(login("b", NOW.plusSeconds(60)), NOW, 5);

    PendingLogins.Taken taken = pending.take("b", NOW);

    assertEquals("nonce-b", taken.login().orElseThrow().nonce());
    assertTrue(taken.rest().take("b", NOW).login().isEmpty(), "single use");
    assertTrue(taken.rest().take("a", NOW).login().isPresent(), "the other tab's login stays");
  }

  @Test
  void takeWhenNoStateMatchesThenNothingAndExpiredOnesDropped() {
    PendingLogins pending =
        PendingLogins.none()
            .with(login("old", NOW.plusSeconds(1)), NOW, 5)
            .with(login("new", NOW.plusSeconds(600)), NOW, 5);

    PendingLogins.Taken taken = pending.take("forged", NOW.plusSeconds(5));

    assertTrue(taken.login().isEmpty());
    assertEquals(1, taken.rest().logins().size());
  }

  @Test
  void withWhenMoreThanTheLimitThenTheOldestIsPushedOut() {
    PendingLogins pending = PendingLogins.none();
    for (int i = 0; i < 7; i++) {
      pending = pending.with(login("s" + i, NOW.plusSeconds(60)), NOW, 5);
    }

    assertEquals(5, pending.logins().size());
    assertTrue(pending.take("s0", NOW).login().isEmpty());
    assertTrue(pending.take("s6", NOW).login().isPresent());
  }

  @Test
  void expiredWhenAtOrAfterExpiryThenTrue() {
    PendingLogin login = login("a", NOW);

    assertTrue(login.isExpired(NOW));
    assertFalse(login.isExpired(NOW.minus(Duration.ofMillis(1))));
  }

  @Test
  void sessionValuesWhenSerializedForReplicationThenRestoredAndToStringShowsNoSecret()
      throws Exception {
    LoginSession session =
        new LoginSession(
            "auth0|alice", "access-secret", "refresh-secret", "id-secret", NOW.plusSeconds(60));
    PendingLogins pending =
        PendingLogins.none().with(login("state-secret", NOW.plusSeconds(60)), NOW, 5);

    assertEquals(session, roundTrip(session));
    assertEquals(pending, roundTrip(pending));
    String shown = session + " " + pending;
    for (String secret :
        new String[] {
          "access-secret", "refresh-secret", "id-secret", "state-secret", "nonce-", "verifier-"
        }) {
      assertFalse(shown.contains(secret), shown);
    }
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
