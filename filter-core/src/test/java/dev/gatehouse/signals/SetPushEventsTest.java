package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.ACCOUNT_DISABLED;
import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.SESSION_REVOKED;
import static dev.gatehouse.signals.SetMinter.TOKEN_CLAIMS_CHANGE;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.email;
import static dev.gatehouse.signals.SetMinter.eventAt;
import static dev.gatehouse.signals.SetMinter.issSub;
import static dev.gatehouse.signals.SetMinter.jwtId;
import static dev.gatehouse.signals.SetMinter.opaque;
import static dev.gatehouse.signals.SetMinter.userSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each event a transmitter pushes does to the revocation store: CAEP and RISC events revoke
 * the token issuer's tokens by session, subject or token id, issued up to the event, for the
 * longest token lifetime after it; anything else is acknowledged and ignored.
 */
class SetPushEventsTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant A_DAY_LATER = NOW.plus(Duration.ofHours(24));

  @RegisterExtension final LocalJwksServer transmitter = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final SetMinter sets = new SetMinter(transmitter.issuer());

  @Test
  void whenSessionRevokedNamesASessionThenThatSessionIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer =
          receiver.push(sets.about(NOW, SESSION_REVOKED, userSession("alice", "sid-1")).build());

      assertEquals(202, answer.statusCode());
      assertEquals("", answer.body());
      assertEquals(
          Revocation.ofSession(TOKEN_ISSUER, "sid-1", NOW, A_DAY_LATER), receiver.store.only());
    }
  }

  @Test
  void whenSessionRevokedNamesOnlyAUserThenEveryTokenOfThatUserIssuedBeforeIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(sets.about(NOW, SESSION_REVOKED, issSub(TOKEN_ISSUER, "alice")).build());

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice", NOW, A_DAY_LATER), receiver.store.only());
    }
  }

  @Test
  void whenCredentialChangeCarriesAnEventTimestampThenTokensIssuedUpToItAreRevoked() {
    Instant changed = NOW.minusSeconds(60);
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(
          sets.withPayload(NOW, CREDENTIAL_CHANGE, eventAt(changed, issSub(TOKEN_ISSUER, "alice")))
              .build());

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice", changed, changed.plus(Duration.ofHours(24))),
          receiver.store.only());
    }
  }

  @Test
  void whenTokenClaimsChangeNamesAnOpaqueSubjectThenThatSubjectIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(sets.about(NOW, TOKEN_CLAIMS_CHANGE, opaque("auth0|alice")).build());

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "auth0|alice", NOW, A_DAY_LATER),
          receiver.store.only());
    }
  }

  @Test
  void whenRiscAccountDisabledNamesTheTransmittersSubjectThenTheTokenIssuersSubjectIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(
          sets.withPayload(
                  NOW,
                  ACCOUNT_DISABLED,
                  Map.of("subject", issSub(transmitter.issuer(), "alice"), "reason", "hijacking"))
              .build());

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice", NOW, A_DAY_LATER), receiver.store.only());
    }
  }

  @Test
  void whenTheSubjectIsAJwtIdThenThatOneTokenIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(sets.about(NOW, SESSION_REVOKED, jwtId(TOKEN_ISSUER, "token-7")).build());

      assertEquals(
          Revocation.ofTokenId(TOKEN_ISSUER, "token-7", A_DAY_LATER), receiver.store.only());
    }
  }

  @Test
  void whenTheEventTimestampIsAheadOfTheReceiverThenTokensIssuedUpToNowAreRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(
          sets.withPayload(
                  NOW,
                  CREDENTIAL_CHANGE,
                  eventAt(NOW.plus(Duration.ofDays(3)), issSub(TOKEN_ISSUER, "alice")))
              .build());

      assertEquals(NOW, receiver.store.only().issuedBefore());
    }
  }

  @Test
  void whenAShorterTokenLifetimeIsConfiguredThenTheRevocationIsKeptThatLong() {
    try (PushReceiver receiver =
        PushReceiver.with(
            PushReceiver.config(transmitter, clock).maxTokenLifetime(Duration.ofMinutes(10)))) {
      receiver.push(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")).build());

      assertEquals(NOW.plus(Duration.ofMinutes(10)), receiver.store.only().until());
    }
  }

  @Test
  void whenEveryTokenTheEventCouldRefuseHasExpiredThenNothingIsWritten() {
    try (PushReceiver receiver =
        PushReceiver.with(
            PushReceiver.config(transmitter, clock).maxTokenLifetime(Duration.ofMinutes(10)))) {
      HttpResponse<String> answer =
          receiver.push(
              sets.withPayload(
                      NOW,
                      CREDENTIAL_CHANGE,
                      eventAt(NOW.minus(Duration.ofMinutes(11)), issSub(TOKEN_ISSUER, "alice")))
                  .build());

      assertEquals(202, answer.statusCode());
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenTheEventTypeIsUnknownThenItIsAcknowledgedIgnoredAndCounted() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer =
          receiver.push(
              sets.about(
                      NOW,
                      "https://schemas.openid.net/secevent/caep/event-type/device-compliance-change",
                      issSub(TOKEN_ISSUER, "alice"))
                  .build());

      assertEquals(202, answer.statusCode());
      assertEquals(List.of(), receiver.store.all());
      assertEquals(1, receiver.servlet.counters().unknownEvents());
    }
  }

  @Test
  void whenSetsAreReceivedThenTheirCountsAreShownOverJmxUntilTheServletIsDestroyed()
      throws Exception {
    MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    ObjectName receivers = new ObjectName("dev.gatehouse:type=SetReceiverServlet,*");
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.push(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")).build());
      receiver.push("not a set");

      ObjectName name = jmx.queryNames(receivers, null).iterator().next();
      assertEquals(1L, jmx.getAttribute(name, "Accepted"));
      assertEquals(1L, jmx.getAttribute(name, "Revocations"));
      assertEquals(
          1L,
          ((TabularData) jmx.getAttribute(name, "Refused"))
              .get(new Object[] {"invalid_request"})
              .get("value"));
    }
    assertEquals(Set.of(), jmx.queryNames(receivers, null));
  }

  @Test
  void whenTheSubjectIsAnEmailThenNothingIsRevokedUnlessEmailsAreSubjects() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      assertEquals(
          202,
          receiver
              .push(sets.about(NOW, CREDENTIAL_CHANGE, email("alice@example.com")).build())
              .statusCode());
      assertEquals(List.of(), receiver.store.all());
      assertEquals(1, receiver.servlet.counters().unmappedEvents());
    }
    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).emailIsSubject(true))) {
      receiver.push(sets.about(NOW, CREDENTIAL_CHANGE, email("alice@example.com")).build());

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice@example.com", NOW, A_DAY_LATER),
          receiver.store.only());
    }
  }

  @Test
  void whenTheSubjectBelongsToAnotherIssuerThenNothingIsRevoked() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer =
          receiver.push(
              sets.about(NOW, CREDENTIAL_CHANGE, issSub("https://other.example/", "alice"))
                  .build());

      assertEquals(202, answer.statusCode());
      assertEquals(List.of(), receiver.store.all());
      assertEquals(1, receiver.servlet.counters().unmappedEvents());
    }
  }

  @Test
  void whenAKnownEventNamesNoSubjectThenTheSetIsAnInvalidRequest() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer =
          receiver.push(sets.withPayload(NOW, CREDENTIAL_CHANGE, Map.of()).build());

      assertEquals(400, answer.statusCode());
      assertEquals(
          "{\"err\":\"invalid_request\",\"description\":\"The request is not a well-formed,"
              + " current and first-seen SET.\"}",
          answer.body());
      assertEquals(List.of(), receiver.store.all());
    }
  }
}
