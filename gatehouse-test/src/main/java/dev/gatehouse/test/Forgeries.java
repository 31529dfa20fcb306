package dev.gatehouse.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Tokens a correct verifier must refuse, derived from a genuine one so that only the attack differs
 * (RFC 8725 section 2). Each works on any compact JWS, from this kit or from a real provider;
 * nothing here needs the genuine key's private half.
 */
public final class Forgeries {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private Forgeries() {}

  /** The same payload with {@code alg: none} and no signature (RFC 8725 section 2.1). */
  public static String unsigned(String token) {
    return B64.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + part(token, 1)
        + ".";
  }

  /**
   * The same payload signed with HS256 keyed by the bytes of {@code publicKeyPem}: the algorithm
   * confusion that fools a verifier which takes {@code alg} from the token (RFC 8725 2.1).
   */
  public static String hmacWithPublicKey(String token, String publicKeyPem) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(new String(B64D.decode(part(token, 1)), StandardCharsets.UTF_8));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setKey(new HmacKey(publicKeyPem.getBytes(StandardCharsets.US_ASCII)));
    jws.setDoKeyValidation(false);
    return serialize(jws);
  }

  /** The genuine header and signature over a payload with {@code claim} set to {@code value}. */
  public static String tampered(String token, String claim, Object value) {
    try {
      Map<String, Object> payload =
          new LinkedHashMap<>(
              JsonUtil.parseJson(new String(B64D.decode(part(token, 1)), StandardCharsets.UTF_8)));
      payload.put(claim, value);
      String changed =
          B64.encodeToString(JsonUtil.toJson(payload).getBytes(StandardCharsets.UTF_8));
      return part(token, 0) + "." + changed + "." + part(token, 2);
    } catch (JoseException e) {
      throw new IllegalArgumentException("the token's payload is not JSON", e);
    }
  }

  /**
   * The same payload signed by {@code attackerKey}, whose public half rides in the token's own
   * {@code jwk} header (RFC 7515 4.1.3): a verifier must never trust a key the token brings.
   */
  public static String embeddedKey(String token, PublicJsonWebKey attackerKey) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(new String(B64D.decode(part(token, 1)), StandardCharsets.UTF_8));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setKeyIdHeaderValue(attackerKey.getKeyId());
    try {
      jws.getHeaders()
          .setJwkHeaderValue("jwk", JsonWebKey.Factory.newJwk(attackerKey.getPublicKey()));
    } catch (JoseException e) {
      throw new IllegalStateException("cannot embed the attacker's key", e);
    }
    jws.setKey(attackerKey.getPrivateKey());
    return serialize(jws);
  }

  /**
   * The same payload signed by {@code attackerKey}, with a {@code jku} header sending the verifier
   * to the attacker's key set: a verifier must fetch keys only from where it was configured to.
   */
  public static String foreignKeySetUrl(String token, PublicJsonWebKey attackerKey, String jku) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(new String(B64D.decode(part(token, 1)), StandardCharsets.UTF_8));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setHeader("jku", jku);
    jws.setKeyIdHeaderValue(attackerKey.getKeyId());
    jws.setKey(attackerKey.getPrivateKey());
    return serialize(jws);
  }

  /**
   * The same payload signed with RS256 by {@code key}, naming {@code kid} in the header. With the
   * {@code kid} of a published key it is a token that points at a trusted key but was signed by
   * someone else; with a {@code kid} nobody published, one that makes the verifier look for a key
   * it does not have (and shows whether such tokens can make it refetch the key set at will).
   */
  public static String signedBy(String token, PublicJsonWebKey key, String kid) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(new String(B64D.decode(part(token, 1)), StandardCharsets.UTF_8));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setKeyIdHeaderValue(kid);
    jws.setKey(key.getPrivateKey());
    return serialize(jws);
  }

  /** A fresh RSA key nobody published, for {@link #embeddedKey} and foreign issuers. */
  public static PublicJsonWebKey attackerKey() {
    return SigningAlgorithm.RS256.generateKey("attacker");
  }

  private static String serialize(JsonWebSignature jws) {
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot build the forgery", e);
    }
  }

  private static String part(String token, int index) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a compact JWS (three dot-separated parts)");
    }
    return parts[index];
  }
}
