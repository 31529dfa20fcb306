package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.gatehouse.test.LocalOpenIdProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 9449 in a real container, over real sockets: a client nobody here wrote (the Nimbus OAuth 2.0
 * SDK's proof factory and the JDK's {@link HttpClient}) calls a Jersey application whose {@code
 * /api/secret} requires DPoP and whose other paths accept both schemes, with nonces on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DpopChecks {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LocalOpenIdProvider provider;
  private JaxRsApp.Host host;
  private URI app;
  private ECKey key;
  private DefaultDPoPProofFactory proofs;

  /** The container under test, not started. */
  protected abstract JaxRsApp.Host host();

  @BeforeAll
  void start() throws Exception {
    provider = ClientTokens.startProvider();
    Map<String, String> settings = new LinkedHashMap<>(provider.settings());
    settings.put("gatehouse.rules", "GET /api/secret authenticated dpop=required\n");
    settings.put("gatehouse.dpop.nonce", "on");
    host = host();
    app = host.start(settings);
    key = new ECKeyGenerator(Curve.P_256).generate();
    proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
  }

  @AfterAll
  void stop() throws Exception {
    host.close();
    provider.close();
  }

  private String boundToken() throws JOSEException {
    return ClientTokens.accessToken(provider)
        .claim("cnf", Map.of("jkt", key.computeThumbprint().toString()))
        .build();
  }

  private HttpResponse<String> dpop(URI target, String token, String proof) throws Exception {
    return http.send(
        HttpRequest.newBuilder(target)
            .header("Authorization", "DPoP " + token)
            .header("DPoP", proof)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String proof(URI target, String token, String nonce) throws JOSEException {
    return proofs
        .createDPoPJWT(
            "GET", target, new DPoPAccessToken(token), nonce == null ? null : new Nonce(nonce))
        .serialize();
  }

  @Test
  void whenTheClientAnswersTheNonceChallengeThenTheDpopRequiredResourceAnswers() throws Exception {
    URI secret = URI.create(app + "/api/secret");
    String token = boundToken();

    HttpResponse<String> first = dpop(secret, token, proof(secret, token, null));
    assertEquals(401, first.statusCode());
    String nonce = first.headers().firstValue("DPoP-Nonce").orElse(null);
    assertNotNull(nonce, first.headers()::toString);
    assertEquals(
        "DPoP error=\"use_dpop_nonce\", error_description=\"The DPoP proof must carry a nonce"
            + " from this server.\", algs=\"ES256 EdDSA PS256 RS256\"",
        first.headers().firstValue("WWW-Authenticate").orElseThrow());

    HttpResponse<String> retry = dpop(secret, token, proof(secret, token, nonce));
    assertEquals(200, retry.statusCode(), retry.headers()::toString);
    assertEquals("jersey:secret", retry.body());
  }

  @Test
  void whenAnAcceptedProofIsSentAgainOrToAnotherUriThenItIsRefused() throws Exception {
    URI secret = URI.create(app + "/api/secret");
    URI hello = URI.create(app + "/api/hello");
    String token = boundToken();
    String nonce =
        dpop(secret, token, proof(secret, token, null)).headers().firstValue("DPoP-Nonce").get();
    String proof = proof(secret, token, nonce);
    assertEquals(200, dpop(secret, token, proof).statusCode());

    assertEquals(401, dpop(secret, token, proof).statusCode());
    assertEquals(401, dpop(hello, token, proof).statusCode());
  }

  @Test
  void whenTheBoundTokenIsSentAsBearerThenTheDowngradeIsRefused() throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/api/hello"))
                .header("Authorization", "Bearer " + boundToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, reply.statusCode());
    assertEquals(
        "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token is"
            + " bound to a key and must be sent with the DPoP scheme.\"",
        reply.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  @Test
  void whenNoCredentialsAreSentThenBothSchemesAreChallenged() throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/api/hello")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, reply.statusCode());
    assertEquals(
        "Bearer realm=\"api\", DPoP algs=\"ES256 EdDSA PS256 RS256\"",
        reply.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals(
        "WWW-Authenticate, DPoP-Nonce",
        reply.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
  }
}
