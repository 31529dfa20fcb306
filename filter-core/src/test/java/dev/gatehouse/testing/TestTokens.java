package dev.gatehouse.testing;

import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints access tokens at test time. {@link #valid()} starts from a token the filter accepts, and
 * each test changes one thing: a header, a claim, the key, the algorithm.
 */
public final class TestTokens {

  public static final String AUDIENCE = "https://api.gatehouse.test";
  public static final String SUBJECT = "auth0|alice";

  private final String issuer;

  public TestTokens(String issuer) {
    this.issuer = issuer;
  }

  public String issuer() {
    return issuer;
  }

  /** A valid token as of the system clock. */
  public Builder valid() {
    return validAt(Instant.now());
  }

  /**
   * A token valid at {@code now}: {@code iss}, {@code aud}, {@code sub}, {@code iat} = now, {@code
   * exp} = now + 5 min, {@code scope} "read write", RS256 with {@link TestKeys#RSA} and its {@code
   * kid}, {@code typ} "JWT" as Auth0 writes it.
   */
  public Builder validAt(Instant now) {
    Builder b = new Builder();
    b.header.put("alg", AlgorithmIdentifiers.RSA_USING_SHA256);
    b.header.put("typ", "JWT");
    b.header.put("kid", TestKeys.RSA.getKeyId());
    b.claims.put("iss", issuer);
    b.claims.put("sub", SUBJECT);
    b.claims.put("aud", AUDIENCE);
    b.claims.put("iat", now.getEpochSecond());
    b.claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
    b.claims.put("scope", "read write");
    return b;
  }

  /** One token under construction; {@link #build()} signs it. */
  public static final class Builder {
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Key signingKey = TestKeys.RSA.getPrivateKey();
    private boolean unsigned;
    private String rawPayload;

    private Builder() {}

    public Builder header(String name, Object value) {
      header.put(name, value);
      return this;
    }

    public Builder withoutHeader(String name) {
      header.remove(name);
      return this;
    }

    public Builder kid(String kid) {
      return header("kid", kid);
    }

    public Builder typ(String typ) {
      return header("typ", typ);
    }

    /** Only the {@code alg} header; the signing key stays as it is. */
    public Builder alg(String alg) {
      return header("alg", alg);
    }

    public Builder claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    public Builder without(String claim) {
      claims.remove(claim);
      return this;
    }

    public Builder audience(Object stringOrList) {
      return claim("aud", stringOrList);
    }

    public Builder scope(String spaceSeparated) {
      return claim("scope", spaceSeparated);
    }

    public Builder expiresAt(Instant exp) {
      return claim("exp", exp.getEpochSecond());
    }

    public Builder notBefore(Instant nbf) {
      return claim("nbf", nbf.getEpochSecond());
    }

    public Builder issuedAt(Instant iat) {
      return claim("iat", iat.getEpochSecond());
    }

    /** Signs {@code payload} as it is instead of the claims, e.g. text that is not JSON. */
    public Builder rawPayload(String payload) {
      this.rawPayload = payload;
      return this;
    }

    /** Signs with {@code key}, naming its {@code kid} and the usual algorithm for its type. */
    public Builder signedWith(PublicJsonWebKey key) {
      this.signingKey = key.getPrivateKey();
      header.put("kid", key.getKeyId());
      String alg;
      if (key instanceof EllipticCurveJsonWebKey) {
        alg = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
      } else if (key instanceof OctetKeyPairJsonWebKey) {
        alg = AlgorithmIdentifiers.EDDSA;
      } else {
        alg = AlgorithmIdentifiers.RSA_USING_SHA256;
      }
      header.put("alg", alg);
      return this;
    }

    /** {@code alg: none} with an empty signature (RFC 7515 appendix A.5). */
    public Builder unsigned() {
      this.unsigned = true;
      header.put("alg", AlgorithmIdentifiers.NONE);
      return this;
    }

    /**
     * The classic key-confusion attack: HS256 with the provider's RSA public key bytes as the HMAC
     * secret, hoping the verifier feeds the public key to HMAC.
     */
    public Builder hmacWithPublicKeyOf(RsaJsonWebKey key) {
      this.signingKey = new HmacKey(key.getPublicKey().getEncoded());
      header.put("alg", AlgorithmIdentifiers.HMAC_SHA256);
      header.put("kid", key.getKeyId());
      return this;
    }

    /** HS256 with a shared secret, as an API that trusted {@code oct} keys would accept. */
    public Builder hmacWith(OctetSequenceJsonWebKey key) {
      this.signingKey = key.getKey();
      header.put("alg", AlgorithmIdentifiers.HMAC_SHA256);
      header.put("kid", key.getKeyId());
      return this;
    }

    public String build() {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
      jws.setDoKeyValidation(false); // lets tests sign with keys the filter must refuse
      header.forEach(
          (name, value) -> {
            if (name.equals("alg")) {
              jws.setAlgorithmHeaderValue((String) value);
            } else {
              jws.getHeaders().setObjectHeaderValue(name, value);
            }
          });
      jws.setPayload(rawPayload != null ? rawPayload : JsonUtil.toJson(claims));
      if (!unsigned) {
        jws.setKey(signingKey);
      }
      try {
        return jws.getCompactSerialization();
      } catch (JoseException e) {
        throw new IllegalStateException("cannot sign test token", e);
      }
    }

    /** For assertions about what the token holds, without decoding it. */
    public Map<String, Object> claims() {
      return Map.copyOf(claims);
    }
  }

  /** A list claim, for readability at call sites. */
  public static List<String> list(String... values) {
    return List.of(values);
  }
}
