package dev.gatehouse.internal.lean;

import java.security.Key;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.NamedParameterSpec;
import org.jose4j.jws.JsonWebSignature;

/**
 * The signature must have exactly the length its algorithm and key produce (RFC 7518 section 3, RFC
 * 8037 section 3.1). Verifiers are not all strict about it: Java 17's Ed25519 and Ed448 accept a
 * signature with a zero byte appended, so an EdDSA token with an extra {@code A} would still
 * verify, a second spelling of the same token. Checked before the signature itself.
 */
public final class SignatureLength {

  private SignatureLength() {}

  /** True when the encoded signature decodes to the length the algorithm and key call for. */
  public static boolean fits(JsonWebSignature jws, Key key) {
    String encoded = jws.getEncodedSignature();
    return encoded != null && fits(jws.getAlgorithmHeaderValue(), encoded.length(), key);
  }

  /** The same check on the length of the encoded signature segment alone. */
  public static boolean fits(String alg, int encodedLength, Key key) {
    int expected = expectedBytes(alg, key);
    // Unpadded base64url of n bytes is exactly ceil(8n / 6) characters long.
    return expected > 0 && encodedLength == (expected * 8 + 5) / 6;
  }

  /** Bytes a signature of {@code alg} with {@code key} has, or -1 when unknown (never fits). */
  static int expectedBytes(String alg, Key key) {
    if (alg == null) {
      return -1;
    }
    if (alg.startsWith("RS") || alg.startsWith("PS")) {
      return key instanceof RSAKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : -1;
    }
    return switch (alg) {
      case "ES256" -> 64;
      case "ES384" -> 96;
      case "ES512" -> 132;
      case "EdDSA" -> key instanceof EdECKey ed ? edDsaBytes(ed) : -1;
      default -> -1;
    };
  }

  private static int edDsaBytes(EdECKey key) {
    NamedParameterSpec curve = key.getParams();
    return switch (curve == null ? "" : curve.getName()) {
      case "Ed25519" -> 64;
      case "Ed448" -> 114;
      default -> -1;
    };
  }
}
