package dev.gatehouse.internal.sender;

import dev.gatehouse.internal.lean.Verdict;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lean reading of a proof's {@code jwk} header: the public key built straight from its members
 * with this thread's {@code KeyFactory}, and its RFC 7638 thumbprint written from the members as
 * sent. Only the plainest keys are read here: exactly the required members, each the canonical
 * base64url of a value of the exact size jose4j would write back (so that the thumbprint is the one
 * jose4j computes), on the one curve the algorithm names, RSA of at least 2048 bits. Anything else
 * is undecided and {@link ProofKey} decides, refusals included.
 *
 * @param key the public key, checked to be on its curve
 * @param thumbprint base64url SHA-256 of the key's required members in lexicographic order
 */
record ProofJwk(PublicKey key, String thumbprint) {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final BigInteger ED25519_P =
      BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final Set<String> EC_MEMBERS = Set.of("kty", "crv", "x", "y");
  private static final Set<String> RSA_MEMBERS = Set.of("kty", "n", "e");
  private static final Set<String> OKP_MEMBERS = Set.of("kty", "crv", "x");
  private static final int MIN_RSA_BITS = 2048;

  /** The key of {@code jwk} for {@code alg}, or undecided. Never refuses. */
  static Verdict<ProofJwk> read(Map<?, ?> jwk, String alg) {
    try {
      if (alg.startsWith("ES")) {
        return ec(jwk, alg);
      }
      if (alg.equals("EdDSA")) {
        return ed25519(jwk);
      }
      return rsa(jwk);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Verdict.undecided();
    }
  }

  private static Verdict<ProofJwk> ec(Map<?, ?> jwk, String alg) throws GeneralSecurityException {
    String curve =
        switch (alg) {
          case "ES256" -> "P-256";
          case "ES384" -> "P-384";
          default -> "P-521";
        };
    if (!has(jwk, EC_MEMBERS, "EC") || !curve.equals(jwk.get("crv"))) {
      return Verdict.undecided();
    }
    Curves.Curve params = Curves.named(curve);
    byte[] x = decode(jwk.get("x"), params.coordinateBytes());
    byte[] y = decode(jwk.get("y"), params.coordinateBytes());
    if (x == null || y == null) {
      return Verdict.undecided();
    }
    ECPublicKeySpec spec =
        new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), params.spec());
    ECPublicKey key = (ECPublicKey) ProofSignatures.factory("EC").generatePublic(spec);
    if (!ProofKey.isOnCurve(key)) {
      return Verdict.undecided();
    }
    String members =
        "{\"crv\":\""
            + curve
            + "\",\"kty\":\"EC\",\"x\":\""
            + jwk.get("x")
            + "\",\"y\":\""
            + jwk.get("y")
            + "\"}";
    return Verdict.accepted(new ProofJwk(key, thumbprint(members)));
  }

  private static Verdict<ProofJwk> ed25519(Map<?, ?> jwk) throws GeneralSecurityException {
    if (!has(jwk, OKP_MEMBERS, "OKP") || !"Ed25519".equals(jwk.get("crv"))) {
      return Verdict.undecided();
    }
    byte[] x = decode(jwk.get("x"), 32);
    if (x == null) {
      return Verdict.undecided();
    }
    // RFC 8032 section 5.1.2: y little-endian, the top bit of the last byte is x's sign.
    boolean xOdd = (x[31] & 0x80) != 0;
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = x[31 - i];
    }
    bigEndian[0] &= 0x7f;
    BigInteger y = new BigInteger(1, bigEndian);
    if (y.compareTo(ED25519_P) >= 0) {
      return Verdict.undecided(); // a second spelling of a small y: the judge says what it is
    }
    PublicKey key =
        ProofSignatures.factory("Ed25519")
            .generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
    String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + jwk.get("x") + "\"}";
    return Verdict.accepted(new ProofJwk(key, thumbprint(members)));
  }

  private static Verdict<ProofJwk> rsa(Map<?, ?> jwk) throws GeneralSecurityException {
    if (!has(jwk, RSA_MEMBERS, "RSA")) {
      return Verdict.undecided();
    }
    byte[] n = decode(jwk.get("n"), -1);
    byte[] e = decode(jwk.get("e"), -1);
    // jose4j writes both without leading zero bytes; only then is the thumbprint the same.
    if (n == null || e == null || n.length == 0 || e.length == 0 || n[0] == 0 || e[0] == 0) {
      return Verdict.undecided();
    }
    BigInteger modulus = new BigInteger(1, n);
    if (modulus.bitLength() < MIN_RSA_BITS) {
      return Verdict.undecided();
    }
    PublicKey key =
        ProofSignatures.factory("RSA")
            .generatePublic(new RSAPublicKeySpec(modulus, new BigInteger(1, e)));
    String members =
        "{\"e\":\"" + jwk.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n") + "\"}";
    return Verdict.accepted(new ProofJwk(key, thumbprint(members)));
  }

  /** Exactly {@code members}, all strings, and {@code kty} is {@code family}. */
  private static boolean has(Map<?, ?> jwk, Set<String> members, String family) {
    if (jwk.size() != members.size() || !family.equals(jwk.get("kty"))) {
      return false;
    }
    for (String name : members) {
      if (!(jwk.get(name) instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes of a canonical base64url value of {@code length} bytes (any length when negative), or
   * null.
   */
  private static byte @Nullable [] decode(@Nullable Object value, int length) {
    if (!(value instanceof String text) || !LeanProof.isCanonical(text)) {
      return null;
    }
    byte[] bytes = BASE64URL.decode(text); // throws on a character outside the alphabet
    return length < 0 || bytes.length == length ? bytes : null;
  }

  private static String thumbprint(String members) {
    return Digests.sha256Base64url(members.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "ProofJwk[" + key.getAlgorithm() + "]";
  }

  /** The three NIST curves of RFC 7518 section 6.2.1.1, their JDK parameters made once. */
  static final class Curves {
    record Curve(ECParameterSpec spec, int coordinateBytes) {}

    private static final Map<String, Curve> NAMED =
        Map.of(
            "P-256", curve("secp256r1", 32),
            "P-384", curve("secp384r1", 48),
            "P-521", curve("secp521r1", 66));

    private Curves() {}

    static Curve named(String name) {
      return Objects.requireNonNull(NAMED.get(name), name);
    }

    private static Curve curve(String jdkName, int bytes) {
      try {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(jdkName));
        return new Curve(parameters.getParameterSpec(ECParameterSpec.class), bytes);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java runtime has " + jdkName, e);
      }
    }
  }
}
