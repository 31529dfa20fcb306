package dev.gatehouse.bench;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
 * SmallRye JWT (the MicroProfile JWT implementation in Quarkus and WildFly) without CDI: a {@link
 * DefaultJWTParser} over a {@link JWTAuthContextInfo} holding the key, issuer, audience, algorithm
 * and the required scope claim. It also builds SmallRye's {@link JsonWebToken} principal, which
 * copies the claims into JSON-P values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SmallRyeJwt {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private DefaultJWTParser parser;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    JWTAuthContextInfo info = new JWTAuthContextInfo(pool.publicKey(), TokenPool.ISSUER);
    info.setExpectedAudience(Set.of(TokenPool.AUDIENCE));
    info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(alg)));
    info.setRequiredClaims(Set.of(TokenPool.SCOPE_CLAIM));
    info.setClockSkew(30);
    parser = new DefaultJWTParser(info);
    Sanity.check("SmallRyeJwt", pool, this::verify);
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) throws ParseException {
    bh.consume(verify(cursor.next(pool)));
  }

  JsonWebToken verify(String token) throws ParseException {
    return parser.parse(token);
  }
}
