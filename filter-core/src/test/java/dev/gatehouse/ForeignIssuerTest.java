package dev.gatehouse;

import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.error.BearerTokenException;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.internal.metrics.MetricsRecorder;
import dev.gatehouse.internal.store.InMemoryIntrospectionStore;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.testing.TestKeys;
import dev.gatehouse.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token from an issuer that is not configured gets one answer, 401 {@code wrong_issuer}, however
 * many issuers are trusted: with several the routing by {@code iss} refuses it first; with one, the
 * refusal its key or signature earns (or an outage while looking its key up) is reported as what it
 * is, a foreign token.
 */
class ForeignIssuerTest {

  private static final String OURS = "https://ours.issuer.test/";
  private static final String OTHER = "https://second.issuer.test/";
  private static final String FOREIGN = "https://foreign.issuer.test/";

  private static AccessTokenVerifier verifier(GatehouseConfig config) {
    return Verifiers.of(
        config,
        Verifiers.providers(config, MetricsRecorder.NONE),
        MetricsRecorder.NONE,
        new InMemoryIntrospectionStore(config.clock(), 10));
  }

  private static GatehouseConfig oneIssuer() {
    return GatehouseConfig.forIssuer(OURS)
        .publicKey(TestKeys.pem(TestKeys.RSA))
        .audiences(AUDIENCE)
        .build();
  }

  private static GatehouseConfig twoIssuers() {
    return GatehouseConfig.forIssuers(
            TrustedIssuer.forIssuer(OURS).publicKey(TestKeys.pem(TestKeys.RSA)).build(),
            TrustedIssuer.forIssuer(OTHER).publicKey(TestKeys.pem(TestKeys.RSA_NEXT)).build())
        .audiences(AUDIENCE)
        .build();
  }

  private static Rejection refusal(AccessTokenVerifier verifier, String token) {
    return assertThrows(BearerTokenException.class, () -> verifier.verify(token)).rejection();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void whenAForeignIssuersTokenIsSignedWithItsOwnKeyThenItIsAWrongIssuerWithOneIssuerOrSeveral(
      boolean several) {
    String foreign = new TestTokens(FOREIGN).valid().signedWith(TestKeys.ATTACKER).build();

    assertEquals(
        Rejection.WRONG_ISSUER, refusal(verifier(several ? twoIssuers() : oneIssuer()), foreign));
  }

  @Test
  void whenAForeignTokenUsesAnAlgorithmWeDoNotAcceptThenItIsStillAWrongIssuer() {
    String foreign =
        new TestTokens(FOREIGN).valid().signedWith(TestKeys.EC).build(); // ES256, not allowed here

    assertEquals(Rejection.WRONG_ISSUER, refusal(verifier(oneIssuer()), foreign));
  }

  @Test
  void whenOurOwnIssuersTokenHasAnUnknownKeyThenItIsStillAnUnknownKey() {
    String ours = new TestTokens(OURS).valid().signedWith(TestKeys.ATTACKER).build();

    assertEquals(Rejection.UNKNOWN_KEY, refusal(verifier(oneIssuer()), ours));
  }

  @Test
  void whenOurKeysCannotBeFetchedThenAForeignTokenIsRefusedNotAnsweredWithAnOutage()
      throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    GatehouseConfig config =
        GatehouseConfig.forIssuer(OURS)
            .jwksUri(java.net.URI.create("http://127.0.0.1:" + closed + "/jwks"))
            .allowInsecureLoopbackHttp()
            .http(h -> h.connectTimeout(Duration.ofMillis(500)))
            .audiences(AUDIENCE)
            .build();
    String foreign = new TestTokens(FOREIGN).valid().signedWith(TestKeys.ATTACKER).build();

    assertEquals(Rejection.WRONG_ISSUER, refusal(verifier(config), foreign));
  }
}
