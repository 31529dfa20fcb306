package dev.gatehouse.bench;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.internal.discovery.KeySource;
import dev.gatehouse.internal.discovery.StaticKeySource;
import dev.gatehouse.internal.verify.CachingAccessTokenVerifier;
import dev.gatehouse.internal.verify.JwtAccessTokenVerifier;
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
 * A hit in Gatehouse's verified-token cache: the verifier the filter builds with its default cache
 * bounds, with every token of the pool verified once in setup, so each timed call is a client
 * presenting a token it already used. The ratio of interest is against {@link RawJcaFloor} RS256
 * (goal: at least 30x faster, under 1 KB allocated). The algorithm does not matter for a hit; RS256
 * only, to keep the suite short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class GatehouseCacheHit {

  @Param({"RS256"})
  public String alg;

  private TokenPool pool;
  private CachingAccessTokenVerifier verifier;

  @Setup
  public void setup() {
    pool = TokenPool.of(alg);
    String jwks = pool.jwksJson();
    GatehouseConfig config =
        GatehouseConfig.forIssuer(TokenPool.ISSUER)
            .audiences(TokenPool.AUDIENCE)
            .algorithms(alg)
            .publicKey(jwks)
            .build();
    KeySource keys = StaticKeySource.parse(jwks, "bench");
    // Built as GatehouseFilter builds it when the cache is on (the default).
    verifier =
        new CachingAccessTokenVerifier(
            new JwtAccessTokenVerifier(
                Gatehouse.policy(config), config.clock(), config.clockSkew(), keys),
            config.clock(),
            config.clockSkew(),
            config.tokenCache().maxEntries(),
            config.tokenCache().maxBytes());
    // Refusals are never cached, so the invalid tokens still reach the full verification here.
    Sanity.check("GatehouseCacheHit", pool, this::verify);
    for (int i = 0; i < TokenPool.SIZE; i++) {
      verify(pool.token(i));
    }
    // At least: the token without a scope verifies too and is refused by the scope rule, as in
    // the filter, so it may be remembered as well.
    if (verifier.size() < TokenPool.SIZE) {
      throw new IllegalStateException(
          "expected every pool token cached, found " + verifier.size() + " of " + TokenPool.SIZE);
    }
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
