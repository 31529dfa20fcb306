package dev.gatehouse;

import static dev.gatehouse.testing.Refusals.CLIENT_CERTIFICATE_MISMATCH;
import static dev.gatehouse.testing.Refusals.CLIENT_CERTIFICATE_MISSING;
import static dev.gatehouse.testing.Refusals.DPOP_BOUND_TOKEN_AS_BEARER;
import static dev.gatehouse.testing.Refusals.assertAccepted;
import static dev.gatehouse.testing.Refusals.assertRejected;
import static dev.gatehouse.testing.TestTokens.AUDIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.internal.config.FilterSettings;
import dev.gatehouse.testing.LocalJwksServer;
import dev.gatehouse.testing.ProtectedApi;
import dev.gatehouse.testing.ProtectedApi.Reply;
import dev.gatehouse.testing.TestCertificates;
import dev.gatehouse.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate-bound tokens (RFC 8705 section 3) in the filter: a token carrying {@code
 * cnf.x5t#S256} passes only with that client certificate. Here the certificate comes the way a
 * TLS-terminating proxy forwards it (nginx's URL-encoded PEM header) from a trusted proxy address;
 * src-it shows the container's own TLS client authentication on Tomcat and Jetty.
 */
class FilterCertificateBoundTokensTest {

  private static final String HEADER = "X-SSL-Client-Cert";

  @RegisterExtension static final LocalJwksServer provider = LocalJwksServer.extension();
  private static final TestTokens tokens = new TestTokens(provider.issuer());

  @TempDir static Path keystores;
  private static X509Certificate alice;
  private static X509Certificate mallory;
  private static ProtectedApi behindProxy;
  private static ProtectedApi otherProxy;

  @BeforeAll
  static void start() throws Exception {
    char[] password = "changeit".toCharArray();
    alice =
        (X509Certificate)
            TestCertificates.selfSigned(
                    keystores.resolve("alice.p12"), "client", "CN=alice", null, password)
                .getCertificate("client");
    mallory =
        (X509Certificate)
            TestCertificates.selfSigned(
                    keystores.resolve("mallory.p12"), "client", "CN=mallory", null, password)
                .getCertificate("client");
    behindProxy = ProtectedApi.startOnLoopback(config(List.of("127.0.0.1")));
    otherProxy = ProtectedApi.startOnLoopback(config(List.of("10.0.0.0/8")));
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
    otherProxy.close();
  }

  private static GatehouseConfig config(List<String> proxies) {
    return GatehouseConfig.forIssuer(provider.issuer())
        .audiences(AUDIENCE)
        .allowInsecureLoopbackHttp()
        .protectedResource(r -> r.clientCertificateHeader(HEADER, proxies))
        .build();
  }

  /** Computed here with the JDK alone, not with the code under test. */
  private static String x5tS256(X509Certificate certificate) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String boundTo(X509Certificate certificate) throws Exception {
    return tokens.valid().claim("cnf", Map.of("x5t#S256", x5tS256(certificate))).build();
  }

  /** What nginx sends for {@code $ssl_client_escaped_cert}. */
  private static String escapedPem(X509Certificate certificate) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return URLEncoder.encode(pem, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Reply presenting(ProtectedApi api, String token, X509Certificate certificate)
      throws Exception {
    var request = api.request("/api/echo").header("Authorization", "Bearer " + token);
    if (certificate != null) {
      request.header(HEADER, escapedPem(certificate));
    }
    return api.send(request);
  }

  @Nested
  class BoundToken {

    @Test
    void whenTheBoundCertificateIsPresentedThenTheTokenIsAcceptedAndShowsItsBinding()
        throws Exception {
      Reply reply = presenting(behindProxy, boundTo(alice), alice);
      assertAccepted(reply);
      assertEquals("X5T_S256 " + x5tS256(alice), reply.echo().get("binding"));
    }

    @Test
    void whenAnotherCertificateIsPresentedThenTheTokenIsRefusedAsMismatch() throws Exception {
      assertRejected(CLIENT_CERTIFICATE_MISMATCH, presenting(behindProxy, boundTo(alice), mallory));
    }

    @Test
    void whenNoCertificateIsPresentedThenTheTokenIsRefusedAsMissing() throws Exception {
      assertRejected(CLIENT_CERTIFICATE_MISSING, presenting(behindProxy, boundTo(alice), null));
    }

    @Test
    void whenTheHeaderComesFromAnAddressThatIsNoTrustedProxyThenItIsIgnored() throws Exception {
      assertRejected(CLIENT_CERTIFICATE_MISSING, presenting(otherProxy, boundTo(alice), alice));
    }

    @Test
    void whenTheBindingIsNotAStringThenNoCertificateMatchesIt() throws Exception {
      String token =
          tokens.valid().claim("cnf", Map.of("x5t#S256", List.of(x5tS256(alice)))).build();
      assertRejected(CLIENT_CERTIFICATE_MISMATCH, presenting(behindProxy, token, alice));
    }

    @Test
    void whenTheTokenIsAlsoBoundToADpopKeyThenBearerIsRefusedBeforeAnyCertificateIsLookedAt()
        throws Exception {
      String token =
          tokens
              .valid()
              .claim(
                  "cnf",
                  Map.of(
                      "jkt",
                      "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I",
                      "x5t#S256",
                      x5tS256(alice)))
              .build();
      // With a proof it still needs the certificate: DpopFilterTest.Schemes.
      assertRejected(DPOP_BOUND_TOKEN_AS_BEARER, presenting(behindProxy, token, alice));
    }
  }

  @Nested
  class UnboundToken {

    @Test
    void whenTheTokenHasNoCnfThenNoCertificateIsNeeded() throws Exception {
      Reply reply = presenting(behindProxy, tokens.valid().build(), null);
      assertAccepted(reply);
      assertEquals("null", reply.echo().get("binding"));
    }

    @Test
    void whenTheTokenIsBoundToADpopKeyOnlyThenTheRefusalIsAboutTheSchemeNotACertificate()
        throws Exception {
      String jkt = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";
      Reply reply =
          presenting(behindProxy, tokens.valid().claim("cnf", Map.of("jkt", jkt)).build(), null);
      assertRejected(DPOP_BOUND_TOKEN_AS_BEARER, reply);
    }
  }

  @Nested
  class Settings {

    @Test
    void whenTheHeaderAndProxiesAreInitParamsThenTheProxyHeaderIsBelieved() throws Exception {
      GatehouseConfig config =
          new ConfigBinder(
                  FilterSettings.of(
                      FilterConfigs.of(
                          Map.of(
                              "gatehouse.issuer",
                              provider.issuer(),
                              "gatehouse.audiences",
                              AUDIENCE,
                              "gatehouse.allow-insecure-loopback-http",
                              "true",
                              "gatehouse.mtls.certificate-header",
                              HEADER,
                              "gatehouse.mtls.trusted-proxies",
                              "10.0.0.0/8, 127.0.0.1"))))
              .bind();
      try (ProtectedApi api = ProtectedApi.startOnLoopback(config)) {
        assertAccepted(presenting(api, boundTo(alice), alice));
      }
    }

    @Test
    void whenTrustedProxiesComeWithoutAHeaderThenTheConfigurationIsRefused() {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> bind(Map.of("gatehouse.mtls.trusted-proxies", "10.0.0.1")));
      assertTrue(e.getMessage().startsWith("gatehouse.mtls.trusted-proxies:"), e.getMessage());
    }

    @Test
    void whenAHeaderComesWithoutProxiesThenTheConfigurationIsRefused() {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> bind(Map.of("gatehouse.mtls.certificate-header", HEADER)));
      assertTrue(e.getMessage().startsWith("gatehouse.mtls.trusted-proxies:"), e.getMessage());
    }

    @Test
    void whenAProxyIsAHostNameThenTheConfigurationIsRefused() {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  bind(
                      Map.of(
                          "gatehouse.mtls.certificate-header",
                          HEADER,
                          "gatehouse.mtls.trusted-proxies",
                          "proxy.internal")));
      assertTrue(e.getMessage().startsWith("gatehouse.mtls.trusted-proxies:"), e.getMessage());
    }

    @Test
    void whenNoProxyIsConfiguredThenACertificateHeaderIsIgnored() throws Exception {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer())
              .audiences(AUDIENCE)
              .allowInsecureLoopbackHttp()
              .build();
      try (ProtectedApi api = ProtectedApi.startOnLoopback(config)) {
        assertRejected(CLIENT_CERTIFICATE_MISSING, presenting(api, boundTo(alice), alice));
      }
    }

    private GatehouseConfig bind(Map<String, String> extra) {
      Map<String, String> params = new java.util.HashMap<>(extra);
      params.put("gatehouse.issuer", "https://issuer.example");
      params.put("gatehouse.audiences", AUDIENCE);
      return new ConfigBinder(FilterSettings.of(FilterConfigs.of(params))).bind();
    }
  }
}
