package dev.gatehouse.bench;

import dev.gatehouse.internal.sender.DpopProofVerifier;
import dev.gatehouse.internal.sender.DpopRequest;
import dev.gatehouse.internal.sender.DpopSettings;
import dev.gatehouse.internal.sender.DpopVerdict;
import dev.gatehouse.store.ReplayStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
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
 * One DPoP proof check ({@link DpopProofVerifier}, RFC 9449 section 4.3) next to its floor: the
 * same proof's signature checked with the JDK's {@link Signature} and nothing else, as {@link
 * RawJcaFloor} does for access tokens (that class has no EdDSA, so the floor is repeated here for
 * the proofs).
 *
 * <p>1,024 distinct proofs per algorithm, minted at setup with jose4j and each its own key, as
 * every client has one. The replay store in this benchmark takes every proof as new: the pool
 * repeats, and the store's cost (one Caffeine insertion) is not the proof's. The maximum age is an
 * hour so that a long run does not see its proofs go stale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DpopProofVerification {

  static final String URI = "https://api.bench.gatehouse.dev/orders/7";
  static final String TOKEN = "bench-access-token-" + UUID.randomUUID();
  static final int SIZE = 1024;

  private static final ReplayStore EVERY_PROOF_NEW = (key, until) -> ReplayStore.Use.FIRST;

  @Param({"ES256", "EdDSA"})
  public String alg;

  private String[] proofs;
  private KeyPair[] keys;
  private String[] thumbprints;
  private DpopProofVerifier verifier;
  private ThreadLocal<Signature> engines;
  private int next;

  @Setup
  public void setup() throws Exception {
    proofs = new String[SIZE];
    keys = new KeyPair[SIZE];
    thumbprints = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      keys[i] = generate(alg);
      PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keys[i].getPublic());
      thumbprints[i] = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
      proofs[i] = mint(jwk, keys[i]);
    }
    verifier =
        new DpopProofVerifier(
            DpopSettings.defaults().withAlgorithms(Set.of(alg)).withMaxAge(Duration.ofHours(1)),
            EVERY_PROOF_NEW,
            null);
    String algorithm = alg;
    engines = ThreadLocal.withInitial(() -> engine(algorithm));
    for (int i = 0; i < SIZE; i += 97) {
      if (!(verify(i) instanceof DpopVerdict.Accepted) || !floor(i)) {
        throw new IllegalStateException(alg + " proof " + i + " was not accepted");
      }
    }
    String tampered = proofs[0].substring(0, proofs[0].length() - 2) + "AA";
    DpopVerdict refused =
        verifier.verify(
            new DpopRequest("GET", URI, List.of(tampered), TOKEN, thumbprints[0], Instant.now()));
    if (!(refused instanceof DpopVerdict.Refused)) {
      throw new IllegalStateException(alg + " accepted a tampered proof");
    }
  }

  @Benchmark
  public DpopVerdict proof() {
    return verify(next++ & (SIZE - 1));
  }

  @Benchmark
  public boolean floor() throws GeneralSecurityException {
    return floor(next++ & (SIZE - 1));
  }

  private DpopVerdict verify(int i) {
    return verifier.verify(
        new DpopRequest("GET", URI, List.of(proofs[i]), TOKEN, thumbprints[i], Instant.now()));
  }

  /** Split at the dots, decode the signature, verify it over the signing input: nothing else. */
  private boolean floor(int i) throws GeneralSecurityException {
    String proof = proofs[i];
    int second = proof.lastIndexOf('.');
    byte[] ascii = proof.getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(proof.substring(second + 1));
    Signature engine = engines.get();
    engine.initVerify(keys[i].getPublic());
    engine.update(ascii, 0, second);
    return engine.verify(signature);
  }

  private String mint(PublicJsonWebKey jwk, KeyPair pair)
      throws JoseException, GeneralSecurityException {
    JwtClaims claims = new JwtClaims();
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setClaim("htm", "GET");
    claims.setClaim("htu", URI);
    claims.setIssuedAtToNow();
    claims.setClaim("ath", ath());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(alg);
    jws.setHeader("typ", "dpop+jwt");
    jws.getHeaders().setJwkHeaderValue("jwk", jwk);
    jws.setKey(pair.getPrivate());
    return jws.getCompactSerialization();
  }

  private static String ath() throws GeneralSecurityException {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  private static KeyPair generate(String alg) throws GeneralSecurityException {
    if (alg.equals("EdDSA")) {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    return ec.generateKeyPair();
  }

  private static Signature engine(String alg) {
    try {
      return Signature.getInstance(
          alg.equals("EdDSA") ? "Ed25519" : "SHA256withECDSAinP1363Format");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
