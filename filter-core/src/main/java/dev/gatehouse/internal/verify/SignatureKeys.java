package dev.gatehouse.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Which published keys may verify a signature, for every place that picks one: the access-token
 * paths (lean and jose4j's), the verified-token cache, and the login's ID token check. A key is
 * used only as its JWK says it may be (RFC 7517 section 4): {@code use} absent or {@code sig},
 * {@code key_ops} absent or holding {@code verify}, and {@code alg} absent or equal to the token's.
 * jose4j's selector compares {@code alg} only to choose between several keys, so a lone key
 * published for {@code RSA-OAEP} would otherwise verify an RS256 token.
 */
public final class SignatureKeys {

  static final int MIN_RSA_BITS = 2048;

  private SignatureKeys() {}

  /**
   * A public signature key of a strength worth trusting, published for verifying: whatever the
   * token. {@code oct} keys never are.
   */
  public static boolean isSignatureKey(JsonWebKey key) {
    String use = key.getUse();
    if (use != null && !use.equals("sig")) {
      return false;
    }
    List<String> ops = key.getKeyOps();
    if (ops != null && !ops.contains("verify")) {
      return false;
    }
    if (key instanceof RsaJsonWebKey rsa) {
      return rsa.getRsaPublicKey().getModulus().bitLength() >= MIN_RSA_BITS;
    }
    return key instanceof EllipticCurveJsonWebKey || key instanceof OctetKeyPairJsonWebKey;
  }

  /** The key names no algorithm, or names the token's. */
  public static boolean allows(JsonWebKey key, String alg) {
    String published = key.getAlgorithm();
    return published == null || published.equals(alg);
  }

  /**
   * {@code keys} without those published for another algorithm than {@code alg}; no copy if none.
   */
  public static List<JsonWebKey> forAlgorithm(List<JsonWebKey> keys, String alg) {
    for (JsonWebKey key : keys) {
      if (!allows(key, alg)) {
        List<JsonWebKey> kept = new ArrayList<>(keys.size());
        for (JsonWebKey k : keys) {
          if (allows(k, alg)) {
            kept.add(k);
          }
        }
        return kept;
      }
    }
    return keys;
  }
}
