package dev.gatehouse.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A client's DPoP key (RFC 9449), for tests of sender-constrained tokens: bind a token to it with
 * {@link TokenBuilder#dpopBoundTo(DpopKey)}, then send each request with {@code Authorization: DPoP
 * <token>} and a {@code DPoP} header made by {@link #proof}. A fresh P-256 key per instance, proofs
 * signed ES256; each proof has its own {@code jti}, so a proof sent twice is a replay.
 *
 * <pre>{@code
 * DpopKey key = DpopKey.generate();
 * String token = provider.tokens().valid().dpopBoundTo(key).build();
 * request.header("Authorization", "DPoP " + token)
 *     .header("DPoP", key.proof("GET", "https://api.example.test/orders", token));
 * }</pre>
 */
public final class DpopKey {

  private final EllipticCurveJsonWebKey key;
  private final Clock clock;

  private DpopKey(EllipticCurveJsonWebKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A new key; proofs carry the system clock's time. */
  public static DpopKey generate() {
    return generate(Clock.systemUTC());
  }

  /** A new key whose proofs carry {@code clock}'s time ({@code iat}), e.g. a provider's clock. */
  public static DpopKey generate(Clock clock) {
    try {
      return new DpopKey(EcJwkGenerator.generateJwk(EllipticCurves.P256), clock);
    } catch (JoseException e) {
      throw new IllegalStateException("every Java runtime has P-256", e);
    }
  }

  /** The RFC 7638 thumbprint of the public key: what the token's {@code cnf.jkt} holds. */
  public String thumbprint() {
    return key.calculateBase64urlEncodedThumbprint("SHA-256");
  }

  /**
   * A proof for one request: its method, its URI (the query is ignored), and the token it sends.
   */
  public String proof(String method, String uri, String accessToken) {
    return proof(method, uri, accessToken, null);
  }

  /** The same with the nonce the server sent in {@code DPoP-Nonce}. */
  public String proof(String method, String uri, String accessToken, String nonce) {
    JwtClaims claims = new JwtClaims();
    claims.setClaim("jti", UUID.randomUUID().toString());
    claims.setClaim("htm", method);
    claims.setClaim("htu", uri);
    claims.setClaim("iat", clock.instant().getEpochSecond());
    claims.setClaim("ath", tokenHash(accessToken));
    if (nonce != null) {
      claims.setClaim("nonce", nonce);
    }
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setHeader("typ", "dpop+jwt");
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    try {
      jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey()));
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tokenHash(String accessToken) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
