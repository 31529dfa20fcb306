package dev.gatehouse.signals;

import static dev.gatehouse.signals.SetMinter.CREDENTIAL_CHANGE;
import static dev.gatehouse.signals.SetMinter.TOKEN_ISSUER;
import static dev.gatehouse.signals.SetMinter.issSub;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.internal.outbound.IssuerNames;
import dev.gatehouse.outbound.OutboundLimits;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without a configured JWKS URI the transmitter's keys are where its Shared Signals configuration
 * ({@code /.well-known/ssf-configuration}) says, and only if that document names the configured
 * issuer.
 */
class SsfDiscoveryTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @RegisterExtension final LocalJwksServer keys = LocalJwksServer.extension();

  private final MutableClock clock = new MutableClock(NOW);
  private final AtomicInteger configurationRequests = new AtomicInteger();
  private final HttpServer transmitter;
  private final String issuer;
  private volatile String advertisedIssuer;

  SsfDiscoveryTest() throws IOException {
    transmitter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + transmitter.getAddress().getPort() + "/";
    advertisedIssuer = issuer;
    transmitter.createContext(
        "/.well-known/ssf-configuration",
        exchange -> {
          configurationRequests.incrementAndGet();
          byte[] body =
              ("{\"issuer\":\""
                      + advertisedIssuer
                      + "\",\"jwks_uri\":\""
                      + keys.jwksUri()
                      + "\",\"delivery_methods_supported\":[\"urn:ietf:rfc:8935\"]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    transmitter.start();
  }

  @AfterEach
  void stop() {
    transmitter.stop(0);
  }

  private SignalsConfig.Builder discovering() {
    return SignalsConfig.builder()
        .transmitter(issuer)
        .audience(SetMinter.RECEIVER)
        .tokenIssuer(TOKEN_ISSUER)
        .pushSecret(PushReceiver.SECRET)
        .http(OutboundLimits.builder().build(true))
        .clock(clock);
  }

  @Test
  void whenTheConfigurationNamesTheJwksThenSetsSignedWithItsKeysAreAccepted() {
    try (PushReceiver receiver = PushReceiver.with(discovering())) {
      String set =
          new SetMinter(issuer).about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "a")).build();

      assertEquals(202, receiver.push(set).statusCode());
      assertEquals("a", receiver.store.only().key().value());
      assertEquals(1, configurationRequests.get());
    }
  }

  @Test
  void whenTheConfigurationNamesAnotherIssuerThen503AndItIsNotAskedAgainBeforeTheCooldown() {
    advertisedIssuer = "https://impostor.example/";
    try (PushReceiver receiver = PushReceiver.with(discovering())) {
      SetMinter sets = new SetMinter(issuer);

      assertEquals(
          503,
          receiver
              .push(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "a")).build())
              .statusCode());
      assertEquals(
          503,
          receiver
              .push(sets.about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "b")).build())
              .statusCode());
      assertEquals(1, configurationRequests.get());
      assertEquals(0, keys.jwksRequests());
    }
  }

  @Test
  void theConfigurationIsBetweenTheHostAndThePathOfTheIssuer() {
    assertEquals(
        URI.create("https://tx.example/.well-known/ssf-configuration"),
        IssuerNames.sharedSignalsConfiguration(URI.create("https://tx.example/")));
    assertEquals(
        URI.create("https://tx.example:8443/.well-known/ssf-configuration/tenants/a"),
        IssuerNames.sharedSignalsConfiguration(URI.create("https://tx.example:8443/tenants/a/")));
  }

  @Test
  void whenNoConfigurationIsNeededBecauseAJwksUriIsSetThenItIsNeverAsked() {
    try (PushReceiver receiver =
        PushReceiver.with(discovering().transmitter(issuer, keys.jwksUri()))) {
      String set =
          new SetMinter(issuer).about(NOW, CREDENTIAL_CHANGE, issSub(TOKEN_ISSUER, "a")).build();

      assertEquals(202, receiver.push(set).statusCode());
      assertEquals(0, configurationRequests.get());
    }
  }
}
