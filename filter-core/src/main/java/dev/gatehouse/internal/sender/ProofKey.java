package dev.gatehouse.internal.sender;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jwk} header of a DPoP proof, accepted only as a public key of the family its {@code
 * alg} needs (RFC 9449 section 4.3, checks 5 and 7). A key with any private member, a symmetric key
 * and an RSA key shorter than 2048 bits are refused before any signature is checked.
 */
final class ProofKey {

  /** Members that only a private or symmetric JWK has (RFC 7518 section 6). */
  private static final Set<String> PRIVATE_MEMBERS =
      Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private static final int MIN_RSA_BITS = 2048;

  private final PublicJsonWebKey jwk;

  private ProofKey(PublicJsonWebKey jwk) {
    this.jwk = jwk;
  }

  /** The key, or null when {@code header} is not a public key usable with {@code alg}. */
  static @Nullable ProofKey of(@Nullable Object header, String alg) {
    if (!(header instanceof Map<?, ?> members)) {
      return null;
    }
    for (Object name : members.keySet()) {
      if (PRIVATE_MEMBERS.contains(name)) {
        return null;
      }
    }
    if (!(members.get("kty") instanceof String kty) || !kty.equals(familyOf(alg))) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) members;
    PublicJsonWebKey key;
    try {
      key = PublicJsonWebKey.Factory.newPublicJwk(params);
    } catch (JoseException | RuntimeException e) {
      return null;
    }
    if (key.getPublicKey() instanceof RSAPublicKey rsa
        && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      return null;
    }
    if (key.getPublicKey() instanceof ECPublicKey ec && !isOnCurve(ec)) {
      return null;
    }
    return new ProofKey(key);
  }

  PublicKey publicKey() {
    return jwk.getPublicKey();
  }

  /** The RFC 7638 thumbprint, as {@code cnf.jkt} carries it (RFC 9449 section 6.1). */
  String thumbprint() {
    return jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
  }

  /**
   * jose4j and the JDK build an EC key from any two coordinates; a point off the curve is no key
   * (and the classic invalid-curve trick), so it is refused as one.
   */
  static boolean isOnCurve(ECPublicKey key) {
    ECPoint w = key.getW();
    EllipticCurve curve = key.getParams().getCurve();
    if (w.equals(ECPoint.POINT_INFINITY) || !(curve.getField() instanceof ECFieldFp field)) {
      return false;
    }
    BigInteger p = field.getP();
    BigInteger x = w.getAffineX();
    BigInteger y = w.getAffineY();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  private static String familyOf(String alg) {
    if (alg.startsWith("ES")) {
      return "EC";
    }
    if (alg.equals("EdDSA")) {
      return "OKP";
    }
    return "RSA";
  }

  @Override
  public String toString() {
    return "ProofKey[" + jwk.getKeyType() + "]";
  }
}
