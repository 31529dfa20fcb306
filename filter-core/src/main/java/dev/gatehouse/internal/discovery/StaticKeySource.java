package dev.gatehouse.internal.discovery;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Keys given in the configuration: a PEM {@code PUBLIC KEY} or a JWKS document. Never fetches. */
public final class StaticKeySource implements KeySource {

  private static final List<String> KEY_TYPES = List.of("RSA", "EC", "Ed25519", "Ed448");

  private final List<JsonWebKey> keys;

  private StaticKeySource(List<JsonWebKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * @throws IllegalArgumentException naming {@code property} when the text holds no public key
   */
  public static StaticKeySource parse(String pemOrJwks, String property) {
    String text = pemOrJwks.trim();
    try {
      if (text.startsWith("{")) {
        List<JsonWebKey> keys = new JsonWebKeySet(text).getJsonWebKeys();
        if (keys.isEmpty()) {
          throw new IllegalArgumentException(property + ": the JWKS holds no keys");
        }
        return new StaticKeySource(keys);
      }
      return new StaticKeySource(
          List.of(PublicJsonWebKey.Factory.newPublicJwk(pem(text, property))));
    } catch (JoseException | ClassCastException e) { // jose4j casts JWKS members unchecked
      throw new IllegalArgumentException(property + ": not a valid JWKS or public key");
    }
  }

  @Override
  public List<JsonWebKey> keys() {
    return keys;
  }

  @Override
  public boolean refreshUnknownKey(List<JsonWebKey> seen) {
    return false;
  }

  private static PublicKey pem(String text, String property) {
    String body =
        text.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": not a PEM public key or a JWKS");
    }
    for (String type : KEY_TYPES) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
        // try the next key type
      }
    }
    throw new IllegalArgumentException(property + ": not a PEM public key or a JWKS");
  }
}
