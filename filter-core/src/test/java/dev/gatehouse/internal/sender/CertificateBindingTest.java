package dev.gatehouse.internal.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.X509CertUtils;
import dev.gatehouse.error.Rejection;
import dev.gatehouse.testing.TestCertificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8705 section 3: the token's x5t#S256 against the certificate the client presented. */
class CertificateBindingTest {

  static X509Certificate client;
  static X509Certificate other;

  @BeforeAll
  static void certificates(@TempDir Path dir) throws Exception {
    client = certificate(dir.resolve("client.p12"), "CN=client");
    other = certificate(dir.resolve("other.p12"), "CN=other");
  }

  static X509Certificate certificate(Path file, String dname) throws Exception {
    char[] password = "changeit".toCharArray();
    return (X509Certificate)
        TestCertificates.selfSigned(file, "c", dname, null, password).getCertificate("c");
  }

  @Test
  void theThumbprintIsWhatAnIndependentLibraryComputesForX5tS256() {
    assertEquals(
        X509CertUtils.computeSHA256Thumbprint(client).toString(),
        CertificateBinding.thumbprint(client));
  }

  @Test
  void whenThePresentedCertificateIsTheBoundOneThenTheTokenIsAccepted() {
    String bound = X509CertUtils.computeSHA256Thumbprint(client).toString();

    assertEquals(Optional.empty(), CertificateBinding.check(client, bound));
  }

  @Test
  void whenAnotherCertificateIsPresentedThenTheTokenIsRefused() {
    String bound = X509CertUtils.computeSHA256Thumbprint(client).toString();

    assertEquals(
        Optional.of(Rejection.CLIENT_CERTIFICATE_MISMATCH), CertificateBinding.check(other, bound));
  }

  @Test
  void whenNoCertificateIsPresentedThenTheTokenIsRefused() {
    String bound = X509CertUtils.computeSHA256Thumbprint(client).toString();

    Optional<Rejection> refusal = CertificateBinding.check(null, bound);

    assertEquals(Optional.of(Rejection.CLIENT_CERTIFICATE_MISSING), refusal);
    assertEquals("invalid_token", refusal.get().error().orElseThrow().code());
  }
}
