package dev.gatehouse.bench;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.verify.AccessTokenVerifier;
import dev.gatehouse.internal.verify.JwtAccessTokenVerifier;
import dev.gatehouse.internal.verify.VerificationPolicy;
import dev.gatehouse.token.AccessToken;
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
 * Gatehouse's public verification API, as the filter uses it: a {@link JwtAccessTokenVerifier} over
 * a {@link StaticKeySource} holding the JWKS, configured with issuer, audience and algorithm. It
 * returns Gatehouse's own {@link AccessToken}; the scope claim is checked on that, as the filter's
 * required-scope rule does.
 *
 * <p>Every call is a first sight of its token: {@link #newVerifier} builds the verifier without the
 * {@code CachingAccessTokenVerifier} the filter puts around it by default, so this times the full
 * verification; {@link GatehouseCacheHit} times the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class Gatehouse {

  @Param({"RS256", "PS256", "ES256"})
  public String alg;

  private TokenPool pool;
  private AccessTokenVerifier verifier;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    verifier = newVerifier(pool);
    Sanity.check("Gatehouse", pool, this::verify);
  }

  static AccessTokenVerifier newVerifier(TokenPool pool) {
    String jwks = pool.jwksJson();
    GatehouseConfig config =
        GatehouseConfig.forIssuer(TokenPool.ISSUER)
            .audiences(TokenPool.AUDIENCE)
            .algorithms(pool.algorithm())
            .publicKey(jwks)
            .build();
    return new JwtAccessTokenVerifier(
        policy(config), config.clock(), config.clockSkew(), StaticKeySource.parse(jwks, "bench"));
  }

  /** The verification step's own settings, as the filter's wiring gives them to it. */
  static VerificationPolicy policy(GatehouseConfig config) {
    return new VerificationPolicy(
        config.issuer(), config.audiences(), config.algorithms(), config.scopeClaims());
  }

  @Benchmark
  public void verify(Cursor cursor, Blackhole bh) {
    bh.consume(verify(cursor.next(pool)));
  }

  AccessToken verify(String token) {
    AccessToken verified = verifier.verify(token);
    if (verified.scopes().isEmpty()) {
      throw new IllegalStateException("no scope");
    }
    return verified;
  }
}
