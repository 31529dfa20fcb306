package dev.gatehouse.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Access tokens the tests sign themselves, with jose4j. Each starts as one the filter accepts,
 * shaped like the provider's client-credentials tokens and signed with the provider's current key;
 * a test changes one thing.
 */
final class TestTokens {

  static final String AUDIENCE = "https://api.gatehouse.test/orders";
  static final String CLIENT_ID = "orders-client";
  static final String SUBJECT = CLIENT_ID + "@clients";

  private final JwtClaims claims = new JwtClaims();
  private final SigningKey providerKey;

  private TestTokens(TestProvider provider) {
    this.providerKey = provider.signingKey();
    Instant now = Instant.now();
    claims.setIssuer(provider.issuer().toString());
    claims.setAudience(AUDIENCE);
    claims.setSubject(SUBJECT);
    claims.setClaim("azp", CLIENT_ID);
    claims.setClaim("scope", "read:orders");
    claims.setJwtId(UUID.randomUUID().toString());
    lifetime(now, now.plus(Duration.ofMinutes(5)));
  }

  /** A token the filter accepts, until a test changes something. */
  static TestTokens accessToken(TestProvider provider) {
    return new TestTokens(provider);
  }

  TestTokens issuer(String issuer) {
    claims.setIssuer(issuer);
    return this;
  }

  TestTokens audience(String... audiences) {
    claims.setAudience(List.of(audiences));
    return this;
  }

  TestTokens claim(String name, Object value) {
    claims.setClaim(name, value);
    return this;
  }

  /** Issued and valid from {@code issuedAt}, expiring at {@code expiresAt}. */
  TestTokens lifetime(Instant issuedAt, Instant expiresAt) {
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    return this;
  }

  /** Issued now, but usable only from {@code notBefore}. */
  TestTokens notBefore(Instant notBefore) {
    claims.setNotBefore(NumericDate.fromSeconds(notBefore.getEpochSecond()));
    claims.setExpirationTime(
        NumericDate.fromSeconds(notBefore.plus(Duration.ofMinutes(5)).getEpochSecond()));
    return this;
  }

  /** RS256 with the provider's key, as the provider itself would sign. */
  String sign() {
    return signWith(providerKey);
  }

  /** RS256 with {@code key}, naming it by its {@code kid}. */
  String signWith(SigningKey key) {
    return signWith(key, key.keyId());
  }

  /** RS256 with {@code key}, but claiming in the header to be key {@code kid}. */
  String signWith(SigningKey key, String kid) {
    JsonWebSignature jws = jws(AlgorithmIdentifiers.RSA_USING_SHA256, kid);
    jws.setKey(key.privateKey());
    return serialize(jws);
  }

  /** {@code alg: none}: header, payload and an empty signature. */
  String unsigned() {
    JsonWebSignature jws = jws(AlgorithmIdentifiers.NONE, null);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    return serialize(jws);
  }

  /**
   * HS256 keyed with the provider's public key in PEM form: the algorithm-confusion attack, which
   * works against a verifier that lets the token's {@code alg} pick how the key is used.
   */
  String hs256WithProviderPublicKey() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(providerKey.publicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    JsonWebSignature jws = jws(AlgorithmIdentifiers.HMAC_SHA256, providerKey.keyId());
    jws.setKey(new HmacKey(pem.getBytes(StandardCharsets.US_ASCII)));
    return serialize(jws);
  }

  /**
   * Signed by the provider's key, then one claim changed with header and signature kept: what a
   * client that edits its own token to gain a scope would send.
   */
  String signThenChange(String claim, Object value) {
    String[] signed = sign().split("\\.");
    claims.setClaim(claim, value);
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
    return signed[0] + "." + payload + "." + signed[2];
  }

  private JsonWebSignature jws(String algorithm, String kid) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    if (kid != null) {
      jws.setKeyIdHeaderValue(kid);
    }
    return jws;
  }

  private static String serialize(JsonWebSignature jws) {
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign the test token", e);
    }
  }
}
