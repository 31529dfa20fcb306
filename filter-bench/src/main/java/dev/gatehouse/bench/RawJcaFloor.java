package dev.gatehouse.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The least work any verifier of a compact JWS must do, with nothing else: find the two dots,
 * base64url-decode the payload and the signature, and check the signature over the signing input
 * with the JDK's {@link Signature}. No JSON is parsed and no claim is checked, so every real
 * verifier is slower; the ratios in {@code docs/performance.md} are against this.
 *
 * <p>The {@code Signature} object is kept per thread and re-initialised with the key on every call,
 * as a verifier that caches its engines but may hold several keys would do. ES256 uses the JDK's
 * {@code SHA256withECDSAinP1363Format}, which takes JOSE's fixed-width R||S form as is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RawJcaFloor {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private PublicKey key;
  private ThreadLocal<Signature> engines;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    key = pool.publicKey();
    String algorithm = alg;
    engines = ThreadLocal.withInitial(() -> engine(algorithm));
    // Only the signature is checked here, so only the tampered token must fail.
    Sanity.check(
        "RawJcaFloor",
        pool,
        this::verify,
        Map.of("tampered payload", pool.invalidTokens().get("tampered payload")));
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) throws GeneralSecurityException {
    bh.consume(verify(cursor.next(pool)));
  }

  /** The decoded payload bytes of an authentic token; throws for any other. */
  ByteBuffer verify(String token) throws GeneralSecurityException {
    int first = token.indexOf('.');
    int second = token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      throw new IllegalArgumentException("not a compact JWS");
    }
    byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    ByteBuffer payload = b64.decode(ByteBuffer.wrap(ascii, first + 1, second - first - 1));
    ByteBuffer signature =
        b64.decode(ByteBuffer.wrap(ascii, second + 1, ascii.length - second - 1));
    Signature engine = engines.get();
    engine.initVerify(key);
    engine.update(ascii, 0, second);
    if (!engine.verify(signature.array(), signature.arrayOffset(), signature.remaining())) {
      throw new GeneralSecurityException("bad signature");
    }
    return payload;
  }

  private static Signature engine(String alg) {
    try {
      switch (alg) {
        case "RS256":
          return Signature.getInstance("SHA256withRSA");
        case "PS256":
          Signature pss = Signature.getInstance("RSASSA-PSS");
          pss.setParameter(
              new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
          return pss;
        case "ES256":
          return Signature.getInstance("SHA256withECDSAinP1363Format");
        default:
          throw new IllegalArgumentException(alg);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
