package dev.gatehouse.attacks;

import dev.gatehouse.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A self-signed RSA-2048 certificate and its private key, made at test time ({@link
 * TestCertificates}), for the {@code x5c} smuggling attack: a token that carries the certificate of
 * the key that signed it.
 */
record AttackerCertificate(PrivateKey privateKey, X509Certificate certificate) {

  private static final char[] PASSWORD = "attacker".toCharArray();

  static AttackerCertificate generate() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("gatehouse-x5c");
      Path store = dir.resolve("attacker.p12");
      KeyStore keys =
          TestCertificates.selfSigned(store, "attacker", "CN=attacker.example", null, PASSWORD);
      return new AttackerCertificate(
          (PrivateKey) keys.getKey("attacker", PASSWORD),
          (X509Certificate) keys.getCertificate("attacker"));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the attacker's certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** The {@code x5c} value: the certificate as standard (not URL-safe) base64 DER. */
  String x5c() {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
