package dev.gatehouse.attacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA-2048 certificate and its private key, made at test time with the JDK's own
 * {@code keytool} (the JDK has no public API for issuing certificates), for the {@code x5c}
 * smuggling attack: a token that carries the certificate of the key that signed it.
 */
record AttackerCertificate(PrivateKey privateKey, X509Certificate certificate) {

  private static final char[] PASSWORD = "attacker".toCharArray();

  static AttackerCertificate generate() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("gatehouse-x5c");
      Path store = dir.resolve("attacker.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize", "2048",
                  "-alias", "attacker", "-dname", "CN=attacker.example", "-validity", "2",
                  "-storetype", "PKCS12", "-keystore", store.toString(),
                  "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool did not produce a certificate");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, PASSWORD);
      }
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
