package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.SESSION_REVOKED;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.issSub;
import static dev.gatehouse.signals.SetMinter.userSession;
import static dev.gatehouse.signals.SetPushRefusalsTest.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.internal.sender.CertificateBinding;
import dev.gatehouse.internal.sender.ClientCertificateSource;
import dev.gatehouse.store.Revocation;
import dev.gatehouse.store.SharedStore;
import dev.gatehouse.testing.JettyHarness;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestCertificates;
import jakarta.servlet.Filter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a SET reaches the receiver: who may push (the transmitter's bearer secret or client
 * certificate), what a push must look like, and what the transmitter is told when the store or the
 * keys cannot be reached (503, so that it retries, and the retry is applied).
 */
class SetPushDeliveryTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @RegisterExtension final LocalJwksServer transmitter = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final SetMinter sets = new SetMinter(transmitter.issuer());
  private final String set =
      sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "alice")).build();

  @Test
  void whenNoCredentialIsSentThenAuthenticationFailedWithABearerChallenge() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer = receiver.post(set, PushReceiver.SET_TYPE, null);

      assertEquals(401, answer.statusCode());
      assertEquals("authentication_failed", err(answer));
      assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenTheSecretIsWrongThenAuthenticationFailed() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      for (String wrong :
          new String[] {
            "Bearer " + PushReceiver.SECRET + "x",
            "Bearer " + PushReceiver.SECRET.substring(1),
            "Basic " + PushReceiver.SECRET,
            "Bearer "
          }) {
        HttpResponse<String> answer = receiver.post(set, PushReceiver.SET_TYPE, wrong);

        assertEquals(401, answer.statusCode(), wrong);
        assertEquals("authentication_failed", err(answer));
      }
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenNoPushCredentialIsConfiguredThenNobodyMayPush() {
    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).pushSecret(null))) {
      HttpResponse<String> answer = receiver.push(set);

      assertEquals(401, answer.statusCode());
      assertEquals("authentication_failed", err(answer));
    }
  }

  @Test
  void whenTheContentTypeIsNotSecEventJwtThenInvalidRequest() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer =
          receiver.post(set, "application/jwt", "Bearer " + PushReceiver.SECRET);

      assertEquals(400, answer.statusCode());
      assertEquals("invalid_request", err(answer));
      assertEquals(
          202,
          receiver
              .post(
                  set,
                  "Application/SecEvent+JWT; charset=us-ascii",
                  "Bearer " + PushReceiver.SECRET)
              .statusCode());
    }
  }

  @Test
  void whenTheBodyIsLargerThanTheLimitThenPayloadTooLarge() {
    try (PushReceiver receiver =
        PushReceiver.with(PushReceiver.config(transmitter, clock).maxBodyBytes(1024))) {
      HttpResponse<String> answer = receiver.push("a".repeat(1025));

      assertEquals(413, answer.statusCode());
      assertEquals("invalid_request", err(answer));
    }
  }

  @Test
  void whenTheStoreCannotBeWrittenThen503AndTheTransmittersRetryIsApplied() {
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      receiver.store.unreachable(true);

      HttpResponse<String> answer = receiver.push(set);

      assertEquals(503, answer.statusCode());
      assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""));

      receiver.store.unreachable(false);
      assertEquals(202, receiver.push(set).statusCode());
      assertEquals(
          Revocation.ofSubject(TOKEN_ISSUER, "alice", NOW, NOW.plus(Duration.ofHours(24))),
          receiver.store.only());
    }
  }

  @Test
  void whenTheTransmittersKeysCannotBeFetchedThen503WithRetryAfter() {
    transmitter.jwksMode(LocalJwksServer.Mode.FAIL);
    try (PushReceiver receiver = PushReceiver.with(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer = receiver.push(set);

      assertEquals(503, answer.statusCode());
      assertTrue(answer.headers().firstValue("Retry-After").isPresent());
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenTheFilterPublishedItsStoreThenTheReceiverWritesThereAndRemembersTheJtiThere() {
    MemorySharedStore shared = new MemorySharedStore(clock);
    try (PushReceiver receiver =
        PushReceiver.publishing(shared, PushReceiver.config(transmitter, clock))) {
      String revoked = sets.about(NOW, SESSION_REVOKED, userSession("alice", "sid-9")).build();

      assertEquals(202, receiver.push(revoked).statusCode());

      assertEquals(
          List.of(Revocation.ofSession(TOKEN_ISSUER, "sid-9", NOW, NOW.plus(Duration.ofHours(24)))),
          shared.revocations.all());
    }
    try (PushReceiver otherNode =
        PushReceiver.publishing(shared, PushReceiver.config(transmitter, clock))) {
      String sameSetAgain = set;
      assertEquals(202, otherNode.push(sameSetAgain).statusCode());
      assertEquals("invalid_request", err(otherNode.push(sameSetAgain)));
    }
  }

  @Test
  void whenNoStoreIsPublishedThen503() {
    try (PushReceiver receiver =
        PushReceiver.withoutStore(PushReceiver.config(transmitter, clock))) {
      HttpResponse<String> answer = receiver.push(set);

      assertEquals(503, answer.statusCode());
      assertTrue(answer.headers().firstValue("Retry-After").isPresent());
    }
  }

  @Test
  void whenTheTransmitterPresentsAnAllowedClientCertificateThenNoSecretIsNeeded(@TempDir Path dir)
      throws Exception {
    X509Certificate allowed = certificate(dir, "transmitter");
    X509Certificate other = certificate(dir, "someone-else");
    SignalsConfig.Builder byCertificate =
        PushReceiver.config(transmitter, clock)
            .pushSecret(null)
            .pushClientCertificates(Set.of(CertificateBinding.thumbprint(allowed)));

    try (PushReceiver receiver = PushReceiver.behind(presenting(allowed), byCertificate)) {
      assertEquals(202, receiver.post(set, PushReceiver.SET_TYPE, null).statusCode());
    }
    try (PushReceiver receiver = PushReceiver.behind(presenting(other), byCertificate)) {
      HttpResponse<String> answer = receiver.post(set, PushReceiver.SET_TYPE, null);

      assertEquals(403, answer.statusCode());
      assertEquals("access_denied", err(answer));
      assertEquals(List.of(), receiver.store.all());
    }
  }

  @Test
  void whenConfiguredByInitParamsAsInWebXmlThenItReceivesIntoThePublishedStore() {
    MemorySharedStore shared = new MemorySharedStore(clock);
    ServletContextHandler context = new ServletContextHandler("/");
    context.setAttribute(SharedStore.ATTRIBUTE, shared);
    ServletHolder holder = new ServletHolder(SetReceiverServlet.class);
    holder.setInitParameter("gatehouse.signals.transmitter-issuer", transmitter.issuer());
    holder.setInitParameter("gatehouse.signals.jwks-uri", transmitter.jwksUri().toString());
    holder.setInitParameter("gatehouse.signals.audience", SetMinter.RECEIVER);
    holder.setInitParameter("gatehouse.signals.token-issuer", TOKEN_ISSUER);
    holder.setInitParameter("gatehouse.signals.push-secret", PushReceiver.SECRET);
    holder.setInitParameter("gatehouse.allow-insecure-loopback-http", "true");
    holder.setInitOrder(0);
    context.addServlet(holder, "/signals");
    String fresh = sets.about(Instant.now(), SESSION_REVOKED, userSession("bob", "sid-2")).build();

    try (JettyHarness jetty = JettyHarness.inMemory(context)) {
      HttpResponse<String> answer =
          jetty.send(
              HttpRequest.newBuilder(jetty.base().resolve("/signals"))
                  .header("Content-Type", PushReceiver.SET_TYPE)
                  .header("Authorization", "Bearer " + PushReceiver.SECRET)
                  .POST(HttpRequest.BodyPublishers.ofString(fresh))
                  .build());

      assertEquals(202, answer.statusCode(), answer.body());
      assertEquals(Revocation.Target.SESSION, shared.revocations.only().key().target());
      assertEquals(
          405,
          jetty
              .send(HttpRequest.newBuilder(jetty.base().resolve("/signals")).GET().build())
              .statusCode());
    }
  }

  /** What the container's TLS does after a client-certificate handshake. */
  private static Filter presenting(X509Certificate certificate) {
    return (request, response, chain) -> {
      request.setAttribute(ClientCertificateSource.ATTRIBUTE, new X509Certificate[] {certificate});
      chain.doFilter(request, response);
    };
  }

  private static X509Certificate certificate(Path dir, String name) throws Exception {
    char[] password = "changeit".toCharArray();
    KeyStore store =
        TestCertificates.selfSigned(dir.resolve(name + ".p12"), name, "CN=" + name, null, password);
    return (X509Certificate) store.getCertificate(name);
  }
}
