package dev.gatehouse.bench.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Tokens for {@link HttpStoreServer}: each with a {@code jti}, a {@code sub} and a {@code sid}, so
 * that the revocation check asks the store for all three keys.
 */
final class StoreTokens {

  /** The {@code jti}s the server revokes; no pool token has one. */
  static final String REVOKED_JTI_PREFIX = "revoked-";

  private StoreTokens() {}

  /** {@code count} distinct valid tokens, one per line, for the load generator's script. */
  static void writePool(RsaJsonWebKey key, Path file, int count) throws Exception {
    List<String> lines = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      lines.add(
          mint(key, "bench-" + i, "client-" + (i % 50) + "@clients", "session-" + (i % 200), now));
    }
    Files.write(file, lines, StandardCharsets.US_ASCII);
  }

  /** A token signed by {@code key}, valid for two hours from {@code issuedAt}. */
  static String mint(RsaJsonWebKey key, String jti, String subject, String sid, Instant issuedAt)
      throws JoseException {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(HttpStoreServer.ISSUER);
    claims.setAudience(HttpStoreServer.AUDIENCE);
    claims.setSubject(subject);
    claims.setClaim("azp", subject.substring(0, subject.indexOf('@')));
    claims.setClaim("sid", sid);
    claims.setClaim("scope", "read write");
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setExpirationTime(
        NumericDate.fromSeconds(issuedAt.plus(Duration.ofHours(2)).getEpochSecond()));
    claims.setJwtId(jti);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "at+jwt");
    return jws.getCompactSerialization();
  }
}
