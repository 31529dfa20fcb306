package dev.gatehouse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Set;
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
 * Nimbus JOSE+JWT's {@link DefaultJWTProcessor}, built once: keys from an in-memory JWKS selected
 * by {@code kid} and algorithm, {@link DefaultJWTClaimsVerifier} with the audience, the exact
 * issuer and the required claims ({@code exp}, {@code scope}); {@code nbf} is checked when present.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class NimbusProcessor {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private DefaultJWTProcessor<SecurityContext> processor;

  @Setup
  public void setup() throws Exception {
    pool = TokenPool.of(alg);
    processor = new DefaultJWTProcessor<>();
    JWKSet jwks = JWKSet.parse(pool.jwksJson());
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg), new ImmutableJWKSet<>(jwks)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            Set.of(TokenPool.AUDIENCE),
            new JWTClaimsSet.Builder().issuer(TokenPool.ISSUER).build(),
            Set.of("exp", TokenPool.SCOPE_CLAIM),
            null));
    Sanity.check("NimbusProcessor", pool, this::verify);
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh)
      throws ParseException, BadJOSEException, JOSEException {
    bh.consume(verify(cursor.next(pool)));
  }

  JWTClaimsSet verify(String token) throws ParseException, BadJOSEException, JOSEException {
    return processor.process(token, null);
  }
}
