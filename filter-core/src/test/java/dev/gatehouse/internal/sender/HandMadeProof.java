package dev.gatehouse.internal.sender;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A proof put together by hand, byte by byte, for what no well-behaved client library will make: it
 * starts as a valid ES256 proof and each method breaks one thing, so every refusal of the catalogue
 * can be shown with everything else in order.
 */
final class HandMadeProof {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final ECKey key;
  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private PrivateKey signingKey;
  private byte[] hmacSecret;
  private boolean tamper;
  private String rawPayload;

  private HandMadeProof(ECKey key, String method, String uri, String token, Instant iat) {
    this.key = key;
    header.put("typ", "dpop+jwt");
    header.put("alg", "ES256");
    header.put("jwk", key.toPublicJWK().toJSONObject());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("htm", method);
    claims.put("htu", uri);
    claims.put("iat", iat.getEpochSecond());
    claims.put("ath", ath(token));
    try {
      signingKey = key.toPrivateKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static HandMadeProof valid(String method, String uri, String token, Instant iat) {
    return new HandMadeProof(newKey(), method, uri, token, iat);
  }

  static ECKey newKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The thumbprint of the key in the {@code jwk} header, what a bound token's cnf.jkt holds. */
  String thumbprint() {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Object> publicJwk() {
    return key.toPublicJWK().toJSONObject();
  }

  /** The key of the header with its private part, as a careless client might send it. */
  Map<String, Object> privateJwk() {
    return key.toJSONObject();
  }

  HandMadeProof header(String name, Object value) {
    header.put(name, value);
    return this;
  }

  HandMadeProof withoutHeader(String name) {
    header.remove(name);
    return this;
  }

  HandMadeProof claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  HandMadeProof withoutClaim(String name) {
    claims.remove(name);
    return this;
  }

  /** Signs with another key than the one in the header. */
  HandMadeProof signedByAnotherKey() {
    try {
      signingKey = newKey().toPrivateKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** An HS256 proof whose header carries the shared secret as an oct JWK. */
  HandMadeProof hmac(byte[] secret) {
    hmacSecret = secret.clone();
    header.put("alg", "HS256");
    header.put("jwk", Map.of("kty", "oct", "k", B64.encodeToString(secret)));
    return this;
  }

  /** A payload that is not the claims as JSON. */
  HandMadeProof rawPayload(String payload) {
    rawPayload = payload;
    return this;
  }

  /** One bit of the signature changed. */
  HandMadeProof tampered() {
    tamper = true;
    return this;
  }

  String serialize() {
    String input =
        B64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(
                (rawPayload != null ? rawPayload : json(claims)).getBytes(StandardCharsets.UTF_8));
    byte[] signature = sign(input.getBytes(StandardCharsets.US_ASCII));
    if (tamper) {
      signature[0] ^= 1;
    }
    return input + "." + B64.encodeToString(signature);
  }

  static String ath(String token) {
    try {
      return B64.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] sign(byte[] input) {
    try {
      if (hmacSecret != null) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hmacSecret, "HmacSHA256"));
        return mac.doFinal(input);
      }
      Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
      es256.initSign(signingKey);
      es256.update(input);
      return es256.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> members) {
    return JSONObjectUtils.toJSONString(members);
  }
}
