package dev.gatehouse.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * The API's key for encrypted access tokens (nested JWTs, RFC 7516): an RSA 2048 key pair under a
 * {@code kid}. A provider encrypts tokens to its public half ({@link
 * TokenBuilder#encryptedFor(EncryptionKey)}); Gatehouse is given the private half, in code with
 * {@code Decryption.builder().key(kid(), privateKey())} or as a PEM file ({@link
 * #writePrivateKeyPem(Path)}, {@code gatehouse.decryption.pem-keys=kid=path}). Generated at test
 * time; never a key of a real deployment.
 */
public final class EncryptionKey {

  private final String kid;
  private final KeyPair pair;

  private EncryptionKey(String kid, KeyPair pair) {
    this.kid = kid;
    this.pair = pair;
  }

  /** A new RSA 2048 key pair named {@code kid}. */
  public static EncryptionKey generate(String kid) {
    Objects.requireNonNull(kid, "kid");
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      return new EncryptionKey(kid, rsa.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime makes RSA keys", e);
    }
  }

  public String kid() {
    return kid;
  }

  /** What the provider encrypts to. */
  public PublicKey publicKey() {
    return pair.getPublic();
  }

  /** What Gatehouse decrypts with. */
  public PrivateKey privateKey() {
    return pair.getPrivate();
  }

  /** The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as Gatehouse reads. */
  public String privateKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * Writes {@link #privateKeyPem()} to {@code file} (a test's temporary directory) and returns it.
   */
  public Path writePrivateKeyPem(Path file) {
    try {
      return Files.writeString(file, privateKeyPem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "EncryptionKey[" + kid + "]"; // never the key material
  }
}
