package dev.gatehouse.bench.stages;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.internal.store.InMemorySharedStore;
import dev.gatehouse.store.IntrospectionStore;
import dev.gatehouse.store.NonceSecrets;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.SharedStore;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.HashUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole DPoP request through {@link GatehouseFilter#doFilter} (issue 16's second cost goal: at
 * least 0.9x of floor(proof) + cache hit), next to its two parts measured the same way: {@code
 * bearerCacheHit}, the same filter answering a reused bearer token (what a request costs without
 * DPoP), and {@code proofFloor}, the proof's signature checked with the JDK and nothing else.
 *
 * <p>1,024 clients, each with its own key, an RS256 access token bound to it ({@code cnf.jkt}) and
 * one proof for {@code GET https://api.bench.gatehouse.dev/api/orders}. The tokens are verified
 * once in setup, so every timed request is a token-cache hit and its proof a full check. Proofs
 * repeat over the pool, so the replay store takes every proof as new (its cost, one Caffeine
 * insertion, is what {@code SharedStoreChecks} measures); the proof age allowed is an hour so a
 * long run does not see its proofs go stale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DpopRequestStages {

  private static final int SIZE = 1024;
  private static final String ISSUER = "https://issuer.bench.gatehouse.dev/";
  private static final String AUDIENCE = "gatehouse-bench-api";
  private static final String BASE = "https://api.bench.gatehouse.dev";
  private static final String PATH = "/api/orders";

  @Param({"ES256", "EdDSA"})
  public String alg;

  private final MinimalRequest[] dpop = new MinimalRequest[SIZE];
  private final MinimalRequest[] bearer = new MinimalRequest[SIZE];
  private final String[] proofs = new String[SIZE];
  private final KeyPair[] clients = new KeyPair[SIZE];
  private final HttpServletResponse response = MinimalRequest.failingResponse();
  private final CountingChain chain = new CountingChain();
  private Signature engine;
  private GatehouseFilter filter;
  private int next;

  @Setup
  public void setup() throws Exception {
    RsaJsonWebKey issuerKey = RsaJwkGenerator.generateJwk(2048);
    issuerKey.setKeyId("bench");
    issuerKey.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    filter =
        new GatehouseFilter(
            GatehouseConfig.forIssuer(ISSUER)
                .audiences(AUDIENCE)
                .requiredScopes("read")
                .publicKey(new JsonWebKeySet(issuerKey).toJson())
                .dpop(
                    d ->
                        d.algorithms(List.of(alg))
                            .proofMaxAge(Duration.ofHours(1))
                            .publicBaseUrl(URI.create(BASE)))
                .store(new EveryProofNew(Clock.systemUTC()))
                .build());
    engine =
        Signature.getInstance(alg.equals("EdDSA") ? "Ed25519" : "SHA256withECDSAinP1363Format");
    for (int i = 0; i < SIZE; i++) {
      clients[i] = generate(alg);
      PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(clients[i].getPublic());
      String thumbprint = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
      String token = token(issuerKey, Map.of("jkt", thumbprint));
      proofs[i] = proof(jwk, clients[i], token);
      dpop[i] = new MinimalRequest("DPoP " + token, proofs[i]);
      bearer[i] = new MinimalRequest("Bearer " + token(issuerKey, null), null);
    }
    for (int i = 0; i < SIZE; i++) {
      filter.doFilter(dpop[i], response, chain);
      filter.doFilter(bearer[i], response, chain);
      if (!proofFloor(i)) {
        throw new IllegalStateException("the floor refused proof " + i);
      }
    }
    if (chain.passed != 2 * SIZE) {
      throw new IllegalStateException("the filter refused pool requests: " + chain.passed);
    }
  }

  @Benchmark
  public Object dpopRequest() throws Exception {
    return pass(dpop[next++ & (SIZE - 1)]);
  }

  @Benchmark
  public Object bearerCacheHit() throws Exception {
    return pass(bearer[next++ & (SIZE - 1)]);
  }

  @Benchmark
  public boolean proofFloor() throws GeneralSecurityException {
    return proofFloor(next++ & (SIZE - 1));
  }

  private Object pass(MinimalRequest request) throws Exception {
    request.attributes.clear();
    int before = chain.passed;
    filter.doFilter(request, response, chain);
    if (chain.passed == before) {
      throw new IllegalStateException("refused");
    }
    return chain.last;
  }

  private boolean proofFloor(int i) throws GeneralSecurityException {
    String proof = proofs[i];
    int second = proof.lastIndexOf('.');
    byte[] ascii = proof.getBytes(StandardCharsets.US_ASCII);
    engine.initVerify(clients[i].getPublic());
    engine.update(ascii, 0, second);
    return engine.verify(Base64.getUrlDecoder().decode(proof.substring(second + 1)));
  }

  private static String token(RsaJsonWebKey key, Map<String, Object> confirmation)
      throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject("client-" + UUID.randomUUID());
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(120);
    claims.setClaim("scope", "read write");
    if (confirmation != null) {
      claims.setClaim("cnf", confirmation);
    }
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setKey(key.getPrivateKey());
    return jws.getCompactSerialization();
  }

  private String proof(PublicJsonWebKey jwk, KeyPair pair, String token) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setClaim("htm", "GET");
    claims.setClaim("htu", BASE + PATH);
    claims.setIssuedAtToNow();
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    claims.setClaim("ath", Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(alg);
    jws.setHeader("typ", "dpop+jwt");
    jws.getHeaders().setJwkHeaderValue("jwk", jwk);
    jws.setKey(pair.getPrivate());
    return jws.getCompactSerialization();
  }

  private static KeyPair generate(String alg) throws GeneralSecurityException {
    if (alg.equals("EdDSA")) {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    return ec.generateKeyPair();
  }

  /** The in-process store, except that its replay part takes every proof as new. */
  private static final class EveryProofNew implements SharedStore {
    private final InMemorySharedStore store;

    EveryProofNew(Clock clock) {
      store = new InMemorySharedStore(clock, Duration.ofMinutes(5), 1_000);
    }

    @Override
    public RevocationStore revocations() {
      return store.revocations();
    }

    @Override
    public ReplayStore replays() {
      return (key, until) -> ReplayStore.Use.FIRST;
    }

    @Override
    public NonceSecrets nonceSecrets() {
      return store.nonceSecrets();
    }

    @Override
    public IntrospectionStore introspections() {
      return store.introspections();
    }
  }
}
