package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.error.Rejection;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.LocalOpenIdProvider;
import dev.gatehouse.testing.TestCertificates;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate-bound tokens (RFC 8705 section 3) over real TLS client authentication: the container
 * verifies the handshake and sets {@code jakarta.servlet.request.X509Certificate}, the filter
 * compares the token's {@code cnf.x5t#S256} with it. The client is the JDK's {@link HttpClient}
 * with an {@link SSLContext} holding the client's key; certificates come from keytool at test time,
 * tokens from the kit's provider ({@code certificateBound}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CertificateBoundTokensChecks {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final String HEADER = "X-SSL-Client-Cert";

  private Path dir;
  private LocalOpenIdProvider provider;
  private TlsHost host;
  private URI app;
  private KeyStore server;
  private KeyStore alice;
  private KeyStore mallory;

  /** The container under test, not started. */
  protected abstract TlsHost host();

  @BeforeAll
  void start(@TempDir Path temporary) throws Exception {
    dir = temporary;
    server =
        TestCertificates.selfSigned(
            dir.resolve("server.p12"), "server", "CN=127.0.0.1", "ip:127.0.0.1", PASSWORD);
    alice =
        TestCertificates.selfSigned(dir.resolve("alice.p12"), "client", "CN=alice", null, PASSWORD);
    mallory =
        TestCertificates.selfSigned(
            dir.resolve("mallory.p12"), "client", "CN=mallory", null, PASSWORD);
    // The handshake accepts both clients: which one may use a token is the binding's decision.
    Path trusted = trustStore("clients.p12", certificate(alice), certificate(mallory));
    provider = ClientTokens.startProvider();
    Map<String, String> settings = provider.settings();
    // A proxy header is configured, but the test client is no proxy: its header must not count.
    settings.put("gatehouse.mtls.certificate-header", HEADER);
    settings.put("gatehouse.mtls.trusted-proxies", "10.0.0.0/8");
    host = host();
    app = host.start(settings, dir.resolve("server.p12"), trusted, PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      host.close();
    } finally {
      provider.close();
    }
  }

  @Test
  void whenTheClientAuthenticatesWithTheBoundCertificateThenTheTokenIsAccepted() throws Exception {
    HttpResponse<String> response = call(alice, bound(alice), null);

    assertEquals(200, response.statusCode(), response::body);
    assertEquals("X5T_S256 " + thumbprint(certificate(alice)), response.body());
  }

  @Test
  void whenTheClientAuthenticatesWithAnotherCertificateThenTheTokenIsRefused() throws Exception {
    HttpResponse<String> response = call(mallory, bound(alice), null);

    assertEquals(401, response.statusCode());
    assertEquals(
        Challenges.of(Rejection.CLIENT_CERTIFICATE_MISMATCH),
        response.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  @Test
  void whenTheClientPresentsNoCertificateThenTheTokenIsRefused() throws Exception {
    HttpResponse<String> response = call(null, bound(alice), null);

    assertEquals(401, response.statusCode());
    assertEquals(
        Challenges.of(Rejection.CLIENT_CERTIFICATE_MISSING),
        response.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  @Test
  void whenAClientThatIsNoProxySendsTheBoundCertificateInTheHeaderThenItsOwnCertificateCounts()
      throws Exception {
    HttpResponse<String> response = call(mallory, bound(alice), certificate(alice));

    assertEquals(401, response.statusCode());
    assertEquals(
        Challenges.of(Rejection.CLIENT_CERTIFICATE_MISMATCH),
        response.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  @Test
  void whenTheTokenIsNotBoundThenAClientWithoutACertificateIsAccepted() throws Exception {
    HttpResponse<String> response = call(null, ClientTokens.accessToken(provider).build(), null);

    assertEquals(200, response.statusCode(), response::body);
    assertEquals("bearer", response.body());
  }

  private String bound(KeyStore client) throws Exception {
    return ClientTokens.accessToken(provider).certificateBound(certificate(client)).build();
  }

  private HttpResponse<String> call(KeyStore client, String token, X509Certificate header)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls(client))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.resolve("/api/orders"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (header != null) {
      request.header(HEADER, pem(header));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Trusts the server's certificate; presents {@code client}'s key and certificate, if any. */
  private SSLContext tls(KeyStore client) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    KeyStore serverOnly = KeyStore.getInstance("PKCS12");
    serverOnly.load(null, null);
    serverOnly.setCertificateEntry("server", server.getCertificate("server"));
    trust.init(serverOnly);
    SSLContext context = SSLContext.getInstance("TLS");
    if (client == null) {
      context.init(null, trust.getTrustManagers(), null);
    } else {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(client, PASSWORD);
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    }
    return context;
  }

  private Path trustStore(String name, X509Certificate... certificates) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      store.setCertificateEntry("client-" + i, certificates[i]);
    }
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    return file;
  }

  private static X509Certificate certificate(KeyStore store) throws Exception {
    return (X509Certificate) store.getCertificate(store.aliases().nextElement());
  }

  /** Computed here with the JDK alone. */
  private static String thumbprint(X509Certificate certificate) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String pem(X509Certificate certificate) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return URLEncoder.encode(pem, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
