package dev.gatehouse.testing;

import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Key pairs generated once per test JVM; nothing is read from disk and nothing is baked in.
 *
 * <ul>
 *   <li>{@link #RSA}: the provider's current signing key (RSA-2048, {@code kid} "rsa-1").
 *   <li>{@link #RSA_NEXT}: the key the provider rotates to ("rsa-2").
 *   <li>{@link #ATTACKER}: an RSA-2048 key the provider never published ("attacker").
 *   <li>{@link #EC}: EC P-256 ("ec-1").
 *   <li>{@link #ED25519}: Ed25519 ("ed-1").
 *   <li>{@link #RSA_1024}: too weak to trust ("rsa-weak").
 *   <li>{@link #OCT}: a symmetric key, never a verification key for us ("oct-1").
 * </ul>
 */
public final class TestKeys {

  public static final RsaJsonWebKey RSA = rsa(2048, "rsa-1");
  public static final RsaJsonWebKey RSA_NEXT = rsa(2048, "rsa-2");
  public static final RsaJsonWebKey ATTACKER = rsa(2048, "attacker");
  public static final EllipticCurveJsonWebKey EC = ec("ec-1");
  public static final OctetKeyPairJsonWebKey ED25519 = ed25519("ed-1");
  public static final RsaJsonWebKey RSA_1024 = rsa(1024, "rsa-weak");
  public static final OctetSequenceJsonWebKey OCT = oct("oct-1");

  private TestKeys() {}

  /** The key set a well-behaved provider publishes. */
  public static List<JsonWebKey> published() {
    return List.of(RSA, EC, ED25519);
  }

  /** A {@code -----BEGIN PUBLIC KEY-----} block for the public half of {@code key}. */
  public static String pem(PublicJsonWebKey key) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  private static RsaJsonWebKey rsa(int bits, String kid) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(bits);
      key.setKeyId(kid);
      key.setUse("sig");
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EllipticCurveJsonWebKey ec(String kid) {
    try {
      EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
      key.setKeyId(kid);
      key.setUse("sig");
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OctetKeyPairJsonWebKey ed25519(String kid) {
    try {
      OctetKeyPairJsonWebKey key =
          OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
      key.setKeyId(kid);
      key.setUse("sig");
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OctetSequenceJsonWebKey oct(String kid) {
    OctetSequenceJsonWebKey key = OctJwkGenerator.generateJwk(256);
    key.setKeyId(kid);
    return key;
  }
}
