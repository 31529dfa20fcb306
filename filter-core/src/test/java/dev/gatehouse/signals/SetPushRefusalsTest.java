package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.issSub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SET the receiver refuses, answered 400 with the RFC 8935 error and its fixed description,
 * nothing written to the store, nothing of the SET echoed.
 */
class SetPushRefusalsTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @RegisterExtension final LocalJwksServer transmitter = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final SetMinter sets = new SetMinter(transmitter.issuer());

  private TestTokens.Builder aliceChangedHerPassword() {
    return sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice"));
  }

  @Test
  void whenSignedByAKeyNotInTheTransmittersSetThenInvalidKey() {
    assertRefused("invalid_key", aliceChangedHerPassword().signedWith(TestKeys.ATTACKER).build());
  }

  @Test
  void whenTheSignatureDoesNotMatchThePublishedKeyThenInvalidKey() {
    assertRefused(
        "invalid_key",
        aliceChangedHerPassword()
            .signedWith(TestKeys.ATTACKER)
            .kid(TestKeys.RSA.getKeyId())
            .build());
  }

  @Test
  void whenHmacWithThePublicKeyThenInvalidKey() {
    assertRefused(
        "invalid_key", aliceChangedHerPassword().hmacWithPublicKeyOf(TestKeys.RSA).build());
  }

  @Test
  void whenUnsignedThenInvalidKey() {
    assertRefused("invalid_key", aliceChangedHerPassword().unsigned().build());
  }

  @Test
  void whenTheAlgorithmIsNotConfiguredThenInvalidKey() {
    String es256 = aliceChangedHerPassword().signedWith(TestKeys.EC).build();
    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).algorithms(List.of("RS256")))) {
      HttpResponse<String> answer = receiver.push(es256);

      assertEquals(400, answer.statusCode());
      assertEquals("invalid_key", err(answer));
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenIssuedByAnotherTransmitterThenInvalidIssuer() {
    assertRefused(
        "invalid_issuer",
        new SetMinter("https://elsewhere.example/")
            .about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice"))
            .build());
  }

  @Test
  void whenAddressedToAnotherReceiverThenInvalidAudience() {
    assertRefused(
        "invalid_audience",
        aliceChangedHerPassword().audience("https://other-receiver.example/").build());
  }

  @Test
  void whenIssuedLongerAgoThanTheMaximumAgeThenInvalidRequest() {
    assertRefused(
        "invalid_request",
        sets.about(NOW.minus(Duration.ofMinutes(62)), CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "a"))
            .build());
  }

  @Test
  void whenIssuedInTheFutureBeyondTheSkewThenInvalidRequest() {
    assertRefused(
        "invalid_request",
        sets.about(NOW.plus(Duration.ofMinutes(5)), CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "a"))
            .build());
  }

  @Test
  void whenTheTypeIsPlainJwtThenInvalidRequestUnlessConfigured() {
    String plain = aliceChangedHerPassword().typ("JWT").build();
    assertRefused("invalid_request", plain);

    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).acceptPlainJwt(true))) {
      assertEquals(202, receiver.push(plain).statusCode());
      assertEquals(
          202, receiver.push(aliceChangedHerPassword().withoutHeader("typ").build()).statusCode());
    }
  }

  @Test
  void whenTheTypeIsTheFullMediaTypeThenItIsAccepted() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      assertEquals(
          202,
          receiver
              .push(aliceChangedHerPassword().typ("application/secevent+jwt").build())
              .statusCode());
    }
  }

  @Test
  void whenTheTypeIsAnAccessTokensThenInvalidRequestEvenWithPlainJwtAllowed() {
    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).acceptPlainJwt(true))) {
      HttpResponse<String> answer = receiver.push(aliceChangedHerPassword().typ("at+jwt").build());
      assertEquals(400, answer.statusCode());
    }
  }

  @Test
  void whenTheJtiIsMissingThenInvalidRequest() {
    assertRefused("invalid_request", aliceChangedHerPassword().without("jti").build());
  }

  @Test
  void whenTheEventsClaimIsMissingOrNotAnObjectThenInvalidRequest() {
    assertRefused("invalid_request", aliceChangedHerPassword().without("events").build());
    assertRefused("invalid_request", aliceChangedHerPassword().claim("events", "revoke").build());
    assertRefused("invalid_request", aliceChangedHerPassword().claim("events", Map.of()).build());
    assertRefused(
        "invalid_request",
        aliceChangedHerPassword().claim("events", Map.of(CREDENTIAL_CHANGE, "x")).build());
  }

  @Test
  void whenTheBodyIsNotACompactJwsThenInvalidRequest() {
    assertRefused("invalid_request", "a.b.c.d.e");
    assertRefused("invalid_request", "not a token");
  }

  @Test
  void whenTheSameSetIsPushedAgainThenInvalidRequest() {
    String set = aliceChangedHerPassword().build();
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      assertEquals(202, receiver.push(set).statusCode());

      HttpResponse<String> again = receiver.push(set);

      assertEquals(400, again.statusCode());
      assertEquals("invalid_request", err(again));
    }
  }

  @Test
  void whenTheSameSetIsReplayedAfterItsJtiIsForgottenThenItsAgeRefusesIt() {
    String set = aliceChangedHerPassword().build();
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      assertEquals(202, receiver.push(set).statusCode());
      clock.advance(Duration.ofHours(2));

      assertEquals("invalid_request", err(receiver.push(set)));
    }
  }

  private void assertRefused(String error, String set) {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer = receiver.push(set);

      assertEquals(400, answer.statusCode(), answer.body());
      assertEquals(error, err(answer));
      assertTrue(
          answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertFalse(answer.body().contains(set), "the SET is echoed");
      assertFalse(answer.body().contains("alice"), "a claim is echoed");
      assertEquals(List.of(), receiver.store.all());
    }
  }

  /** The {@code err} of an RFC 8935 error body; the description is the fixed one for it. */
  static String err(HttpResponse<String> answer) {
    for (dev.gatehouse.internal.signals.SetError e :
        dev.gatehouse.internal.signals.SetError.values()) {
      if (answer.body().equals(e.json())) {
        return e.code();
      }
    }
    throw new AssertionError("not an RFC 8935 error body: " + answer.body());
  }
}
