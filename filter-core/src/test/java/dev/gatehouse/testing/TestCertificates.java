package dev.gatehouse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed RSA-2048 certificates made at test time with the JDK's own {@code keytool} (the JDK
 * has no public API for issuing certificates), valid for two days, in a PKCS12 key store.
 */
public final class TestCertificates {

  private TestCertificates() {}

  /**
   * @param file where the key store is written
   * @param alias the entry holding the key and its certificate
   * @param dname the subject, e.g. {@code CN=127.0.0.1}
   * @param san a subjectAltName such as {@code ip:127.0.0.1}, or null for none
   */
  public static KeyStore selfSigned(
      Path file, String alias, String dname, String san, char[] password)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        new ArrayList<>(
            List.of(
                keytool.toString(),
                "-genkeypair",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-alias",
                alias,
                "-dname",
                dname,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(password),
                "-keypass",
                new String(password)));
    if (san != null) {
      command.addAll(List.of("-ext", "san=" + san));
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool did not produce a certificate for " + dname);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }
}
