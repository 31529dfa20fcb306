package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.SESSION_REVOKED;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.issSub;
import static dev.gatehouse.signals.SetMinter.userSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.store.Revocation;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RFC 8936 poller: it applies what the transmitter hands out, acknowledges what it applied and
 * reports what it refused, asks again at once while more is available, backs off on failures, and
 * stops with the servlet.
 */
class SetPollTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant A_DAY_LATER = NOW.plus(Duration.ofHours(24));

  @RegisterExtension final LocalJwksServer transmitter = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final SetMinter sets = new SetMinter(transmitter.issuer());
  private final LocalPollEndpoint stream;

  SetPollTest() throws Exception {
    stream = new LocalPollEndpoint();
  }

  @AfterEach
  void stopStream() {
    stream.close();
  }

  private SignalsConfig.Builder polling(Duration interval) {
    return PushReceiver.config(transmitter, clock)
        .pushSecret(null)
        .poll(stream.uri(), LocalPollEndpoint.CREDENTIAL)
        .pollInterval(interval);
  }

  private String offer(TestTokens.Builder set) {
    String jti = (String) set.claims().get("jti");
    stream.offer(jti, set.build());
    return jti;
  }

  @Test
  void whenTheStreamHasSetsThenTheyAreAppliedAcknowledgedOrReportedAsRefused() {
    String revoked = offer(sets.about(NOW, SESSION_REVOKED, userSession("alice", "sid-1")));
    String misaddressed =
        offer(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "bob")).audience("other"));

    try (PushReceiver receiver = PushReceiver.with(polling(Duration.ofSeconds(1)))) {
      await(stream::isDrained);

      assertEquals(
          List.of(Revocation.ofSession(TOKEN_ISSUER, "sid-1", NOW, A_DAY_LATER)),
          receiver.store.all());
      Map<String, Object> answering = lastWith("ack");
      assertEquals(List.of(revoked), answering.get("ack"));
      assertEquals(
          Map.of(
              misaddressed,
              Map.of(
                  "err",
                  "invalid_audience",
                  "description",
                  "The SET audience does not include this receiver.")),
          answering.get("setErrs"));
      Map<String, Object> first = stream.requests().get(0);
      assertEquals("Bearer " + LocalPollEndpoint.CREDENTIAL, first.get("authorization"));
      assertEquals(true, first.get("returnImmediately"));
      assertEquals(25L, ((Number) first.get("maxEvents")).longValue());
    }
  }

  @Test
  void whenMoreAreAvailableThenThePollerAsksAgainWithoutWaitingTheInterval() {
    for (String user : List.of("a", "b", "c")) {
      offer(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, user)));
    }

    try (PushReceiver receiver = PushReceiver.with(polling(Duration.ofHours(1)).pollMaxEvents(1))) {
      await(() -> receiver.store.all().size() == 3);
    }
  }

  @Test
  void whenTheTransmitterFailsThenThePollerBacksOff() throws InterruptedException {
    stream.answer(500);

    try (PushReceiver receiver = PushReceiver.with(polling(Duration.ofSeconds(1)))) {
      Thread.sleep(3500);

      // 0 s, then 2 s after the first failure, then 4 s after the second: never every second
      int polls = stream.requests().size();
      assertTrue(polls >= 1 && polls <= 2, polls + " polls in 3.5 s");
    }
  }

  @Test
  void whenTheStoreCannotBeWrittenThenTheSetIsNotAcknowledgedAndIsAppliedLater() {
    offer(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")));

    try (PushReceiver receiver = PushReceiver.with(polling(Duration.ofSeconds(1)))) {
      receiver.store.unreachable(true);
      await(() -> stream.requests().size() >= 2);
      assertEquals(List.of(), receiver.store.all());

      receiver.store.unreachable(false);
      await(stream::isDrained);

      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice", NOW, A_DAY_LATER), receiver.store.only());
    }
  }

  @Test
  void whenTheServletIsDestroyedThenThePollerStops() throws InterruptedException {
    PushReceiver receiver = PushReceiver.with(polling(Duration.ofSeconds(1)));
    await(() -> stream.requests().size() >= 2);
    receiver.close();
    int polls = stream.requests().size();

    Thread.sleep(2500);

    assertEquals(polls, stream.requests().size());
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().equals("gatehouse-set-poller") && t.isAlive()));
  }

  private Map<String, Object> lastWith(String member) {
    List<Map<String, Object>> all = stream.requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).get(member) instanceof List<?> l && !l.isEmpty()) {
        return all.get(i);
      }
    }
    throw new AssertionError("no request with " + member + ": " + all);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 15 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
