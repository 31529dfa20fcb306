package dev.gatehouse.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * One key pair per algorithm, generated at setup, and {@link #SIZE} distinct tokens signed with it,
 * minted at setup (never timed). Every benchmark in a fork reads the same pool, so all verifiers
 * see byte-identical input.
 *
 * <p>Besides the pool, a handful of validly signed tokens that each break exactly one rule, and one
 * whose payload was changed after signing: {@link Sanity} checks that every verifier rejects each
 * of them, so that no benchmark times a verifier that skips a check.
 */
public final class TokenPool {

  /** Distinct tokens per pool; a power of two so the cursor can mask instead of divide. */
  public static final int SIZE = 1024;

  public static final String ISSUER = "https://issuer.bench.gatehouse.dev/";
  public static final String AUDIENCE = "gatehouse-bench-api";
  public static final String SCOPE_CLAIM = "scope";

  private static final Map<String, TokenPool> POOLS = new ConcurrentHashMap<>();

  private final String algorithm;
  private final KeyPair keys;
  private final String keyId;
  private final String[] tokens;
  private final Map<String, String> invalid;

  private TokenPool(String algorithm) {
    this.algorithm = algorithm;
    this.keys = generate(algorithm);
    this.keyId = "bench-" + algorithm.toLowerCase();
    long now = System.currentTimeMillis() / 1000;
    this.tokens = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      tokens[i] = sign(claims(now, i));
    }
    JwtClaims wrongIssuer = claims(now, -1);
    wrongIssuer.setIssuer("https://other.example/");
    JwtClaims wrongAudience = claims(now, -2);
    wrongAudience.setAudience("some-other-api");
    JwtClaims expired = claims(now, -3);
    expired.setIssuedAt(NumericDate.fromSeconds(now - 7200));
    expired.setNotBefore(NumericDate.fromSeconds(now - 7200));
    expired.setExpirationTime(NumericDate.fromSeconds(now - 3600));
    JwtClaims notYetValid = claims(now, -4);
    notYetValid.setNotBefore(NumericDate.fromSeconds(now + 3600));
    JwtClaims noScope = claims(now, -5);
    noScope.unsetClaim(SCOPE_CLAIM);
    this.invalid =
        Map.of(
            "tampered payload", tamper(tokens[0]),
            "wrong iss", sign(wrongIssuer),
            "wrong aud", sign(wrongAudience),
            "expired", sign(expired),
            "nbf in the future", sign(notYetValid),
            "no scope claim", sign(noScope));
  }

  /** The pool for {@code algorithm} (RS256, PS256 or ES256), built once per JVM. */
  public static TokenPool of(String algorithm) {
    return POOLS.computeIfAbsent(algorithm, TokenPool::new);
  }

  public String algorithm() {
    return algorithm;
  }

  public String token(int index) {
    return tokens[index & (SIZE - 1)];
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  public String keyId() {
    return keyId;
  }

  /** The public key as a one-key JWKS document, with {@code kid}, {@code use} and {@code alg}. */
  public String jwksJson() {
    try {
      PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keys.getPublic());
      jwk.setKeyId(keyId);
      jwk.setUse("sig");
      jwk.setAlgorithm(algorithm);
      return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reason to reject, mapped to a token that must be rejected for it. */
  public Map<String, String> invalidTokens() {
    return invalid;
  }

  private JwtClaims claims(long now, int serial) {
    JwtClaims c = new JwtClaims();
    c.setIssuer(ISSUER);
    c.setAudience(AUDIENCE);
    c.setSubject("user-" + serial);
    c.setClaim("azp", "bench-client");
    c.setClaim(SCOPE_CLAIM, "read write");
    c.setIssuedAt(NumericDate.fromSeconds(now - 60));
    c.setNotBefore(NumericDate.fromSeconds(now - 60));
    // Long enough for the slowest full suite; short enough to look like a real access token.
    c.setExpirationTime(NumericDate.fromSeconds(now + 4 * 3600));
    c.setJwtId(UUID.randomUUID().toString());
    return c;
  }

  private String sign(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.getPrivate());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setKeyIdHeaderValue(keyId);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Same header and signature, payload with one claim changed: only the signature can tell. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    Base64.Decoder dec = Base64.getUrlDecoder();
    String payload = new String(dec.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
    String forged = payload.replace("\"user-0\"", "\"admin-0\"");
    if (forged.equals(payload)) {
      throw new IllegalStateException("tampering changed nothing");
    }
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return parts[0] + "." + encoded + "." + parts[2];
  }

  private static KeyPair generate(String algorithm) {
    try {
      switch (algorithm) {
        case "RS256":
        case "PS256":
          KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
          rsa.initialize(2048);
          return rsa.generateKeyPair();
        case "ES256":
          KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
          ec.initialize(new ECGenParameterSpec("secp256r1"));
          return ec.generateKeyPair();
        default:
          throw new IllegalArgumentException("unsupported algorithm " + algorithm);
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
