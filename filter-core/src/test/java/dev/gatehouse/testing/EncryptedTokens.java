package dev.gatehouse.testing;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypted access tokens as a provider makes them, by Nimbus JOSE+JWT (a library nobody here
 * wrote): a JWE with {@code cty: JWT} around a signed token, unless a test says otherwise.
 */
public final class EncryptedTokens {

  private final JWEAlgorithm alg;
  private final EncryptionMethod enc;
  private String kid;
  private String contentType = "JWT";
  private boolean compressed;

  private EncryptedTokens(JWEAlgorithm alg, EncryptionMethod enc) {
    this.alg = alg;
    this.enc = enc;
  }

  public static EncryptedTokens with(String alg, String enc) {
    return new EncryptedTokens(JWEAlgorithm.parse(alg), EncryptionMethod.parse(enc));
  }

  /** RSA-OAEP-256 and A256GCM, what Auth0 uses for encrypted access tokens. */
  public static EncryptedTokens rsaOaep256() {
    return with("RSA-OAEP-256", "A256GCM");
  }

  public EncryptedTokens kid(String kid) {
    this.kid = kid;
    return this;
  }

  /** Another {@code cty}, or none with null. */
  public EncryptedTokens contentType(String cty) {
    this.contentType = cty;
    return this;
  }

  /** {@code zip: DEF}. */
  public EncryptedTokens compressed() {
    this.compressed = true;
    return this;
  }

  /** {@code plaintext} encrypted to {@code key}: RSA, EC, or a secret for {@code dir}. */
  public String encrypt(String plaintext, Object key) {
    JWEHeader.Builder header = new JWEHeader.Builder(alg, enc).keyID(kid);
    if (contentType != null) {
      header.contentType(contentType);
    }
    if (compressed) {
      header.compressionAlgorithm(CompressionAlgorithm.DEF);
    }
    JWEObject jwe = new JWEObject(header.build(), new Payload(plaintext));
    try {
      jwe.encrypt(encrypter(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwe.serialize();
  }

  private static JWEEncrypter encrypter(Object key) throws JOSEException {
    if (key instanceof RSAPublicKey rsa) {
      return new RSAEncrypter(rsa);
    }
    if (key instanceof ECPublicKey ec) {
      return new ECDHEncrypter(ec);
    }
    return new DirectEncrypter(new SecretKeySpec((byte[]) key, "AES"));
  }

  /**
   * The token with the first character of segment {@code index} (0 = header ... 4 = tag) changed;
   * the first character carries six whole bits, so the spelling stays canonical.
   */
  public static String tampered(String jwe, int index) {
    String[] parts = jwe.split("\\.", -1);
    String part = parts[index];
    char first = part.charAt(0);
    parts[index] = (first == 'A' ? 'B' : 'A') + part.substring(1);
    return String.join(".", parts);
  }

  /** A fresh EC P-256 key pair. */
  public static KeyPair ecP256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A fresh RSA key pair of {@code bits}. */
  public static KeyPair rsa(int bits) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  /** Writes {@code key} as an unencrypted PKCS#8 PEM file, as {@code openssl pkcs8} does. */
  public static Path pem(Path file, PrivateKey key) throws IOException {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    Files.writeString(
        file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    return file;
  }
}
