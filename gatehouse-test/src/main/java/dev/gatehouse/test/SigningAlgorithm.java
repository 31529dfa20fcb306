package dev.gatehouse.test;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** The asymmetric algorithms the local provider signs with, each with the key type it needs. */
public enum SigningAlgorithm {
  RS256("RS256"),
  PS256("PS256"),
  ES256("ES256"),
  EDDSA("EdDSA");

  private final String jwaName;

  SigningAlgorithm(String jwaName) {
    this.jwaName = jwaName;
  }

  /** The {@code alg} header value (RFC 7518, RFC 8037). */
  public String jwaName() {
    return jwaName;
  }

  /** A fresh key pair for this algorithm, generated now; never read from disk. */
  PublicJsonWebKey generateKey(String kid) {
    try {
      PublicJsonWebKey key =
          switch (this) {
            case RS256, PS256 -> RsaJwkGenerator.generateJwk(2048);
            case ES256 -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
            case EDDSA -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
          };
      key.setKeyId(kid);
      key.setUse("sig");
      key.setAlgorithm(jwaName);
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException("cannot generate a " + jwaName + " key", e);
    }
  }
}
