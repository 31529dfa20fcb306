package dev.gatehouse.bench.stages;

import dev.gatehouse.bench.TokenPool;
import dev.gatehouse.token.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.jose4j.json.internal.json_simple.parser.ParseException;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pieces of an RS256 verification, each on the same 1,024-token pool: jose4j's JSON parser and
 * base64url codec against the JDK's, parsing the JWS, parsing the claims, and building Gatehouse's
 * {@link AccessToken}. Average time per operation; run with {@code -prof gc} for the bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class VerificationStages {

  private static final int MASK = TokenPool.SIZE - 1;

  private final String[] tokens = new String[TokenPool.SIZE];
  private final String[] headerJson = new String[TokenPool.SIZE];
  private final String[] payloadJson = new String[TokenPool.SIZE];
  private final String[] signatureB64 = new String[TokenPool.SIZE];
  private final Map<?, ?>[] claimMaps = new Map<?, ?>[TokenPool.SIZE];
  private final Base64Url jose4jBase64 = new Base64Url();
  private final JSONParser reusedParser = new JSONParser();
  private int next;

  @Setup
  public void setup() throws JoseException {
    TokenPool pool = TokenPool.of("RS256");
    Base64.Decoder dec = Base64.getUrlDecoder();
    for (int i = 0; i < TokenPool.SIZE; i++) {
      tokens[i] = pool.token(i);
      String[] parts = tokens[i].split("\\.");
      headerJson[i] = new String(dec.decode(parts[0]), StandardCharsets.UTF_8);
      payloadJson[i] = new String(dec.decode(parts[1]), StandardCharsets.UTF_8);
      signatureB64[i] = parts[2];
      claimMaps[i] = JsonUtil.parseJson(payloadJson[i]);
    }
  }

  private int index() {
    return next++ & MASK;
  }

  @Benchmark
  public Map<String, Object> jose4jJsonParseHeader() throws JoseException {
    return JsonUtil.parseJson(headerJson[index()]);
  }

  @Benchmark
  public Map<String, Object> jose4jJsonParsePayload() throws JoseException {
    return JsonUtil.parseJson(payloadJson[index()]);
  }

  @Benchmark
  public byte[] jose4jBase64UrlDecodeSignature() {
    return jose4jBase64.base64UrlDecode(signatureB64[index()]);
  }

  @Benchmark
  public byte[] jdkBase64UrlDecodeSignature() {
    return Base64.getUrlDecoder().decode(signatureB64[index()]);
  }

  /** Splitting, decoding the header and payload, parsing the header: no signature check yet. */
  @Benchmark
  public JsonWebSignature jose4jJwsParse() throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(tokens[index()]);
    return jws;
  }

  @Benchmark
  public JwtClaims jose4jClaimsParse() throws Exception {
    return JwtClaims.parse(payloadJson[index()]);
  }

  @Benchmark
  public Signature jcaSignatureGetInstance() throws GeneralSecurityException {
    return Signature.getInstance("SHA256withRSA");
  }

  /** What Gatehouse does with the claims after jose4j: scope split, sets, a deep-copied map. */
  @Benchmark
  @SuppressWarnings("unchecked")
  public AccessToken gatehouseAccessTokenBuild(Blackhole bh) {
    Map<String, Object> claims = (Map<String, Object>) claimMaps[index()];
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : ((String) claims.get("scope")).trim().split("\\s+")) {
      scopes.add(scope);
    }
    return AccessToken.builder()
        .subject((String) claims.get("sub"))
        .issuer((String) claims.get("iss"))
        .audiences(List.of((String) claims.get("aud")))
        .scopes(scopes)
        .clientId((String) claims.get("azp"))
        .issuedAt(Instant.ofEpochSecond((Long) claims.get("iat")))
        .expiresAt(Instant.ofEpochSecond((Long) claims.get("exp")))
        .tokenId((String) claims.get("jti"))
        .claims(claims)
        .build();
  }

  /**
   * jose4j's JSON parser kept and reused, as Gatehouse's lean path does when the payload is not
   * plain JSON: the same lexer, without a new 32 KB buffer per parse.
   */
  @Benchmark
  public Object jose4jJsonParserReusedPayload() throws ParseException {
    return reusedParser.parse(payloadJson[index()]);
  }

  /** The regular expression split alone, as {@code ClaimsMapper} did it per token. */
  @Benchmark
  public String[] scopeSplitRegex() {
    next++;
    return "read write".trim().split("\\s+");
  }
}
