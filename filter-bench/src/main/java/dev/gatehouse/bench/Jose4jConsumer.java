package dev.gatehouse.bench;

import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.Validator;
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
 * jose4j on its own, as its documentation shows it: one {@link JwtConsumer} built once with the
 * key, the algorithm, {@code iss}, {@code aud}, required {@code exp} (and {@code nbf} when present)
 * and a validator for the scope claim. Gatehouse is built on this, so the gap between the two is
 * Gatehouse's own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class Jose4jConsumer {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private JwtConsumer consumer;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, alg))
            .setVerificationKey(pool.publicKey())
            .setExpectedIssuer(TokenPool.ISSUER)
            .setExpectedAudience(TokenPool.AUDIENCE)
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds(30)
            .registerValidator(
                (Validator)
                    context ->
                        context.getJwtClaims().hasClaim(TokenPool.SCOPE_CLAIM)
                            ? null
                            : "no scope claim")
            .build();
    Sanity.check("Jose4jConsumer", pool, this::verify);
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) throws InvalidJwtException {
    bh.consume(verify(cursor.next(pool)));
  }

  JwtClaims verify(String token) throws InvalidJwtException {
    return consumer.processToClaims(token);
  }
}
