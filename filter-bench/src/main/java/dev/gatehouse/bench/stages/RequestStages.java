package dev.gatehouse.bench.stages;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.bench.TokenPool;
import dev.gatehouse.internal.extract.TokenSyntax;
import dev.gatehouse.internal.verify.TokenDigest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
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
 * What the filter does per request for a client that reuses its token, without a server around it:
 * the syntax check, the cache key, and the whole {@link GatehouseFilter#doFilter} on a minimal
 * request (a cache hit, the path rule, the access checks, the request handed on). Average time per
 * operation, RS256 pool; run with {@code -prof gc} for the bytes. The HTTP measurement ({@code
 * http-overhead.sh}) shows what this costs next to a real server's own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestStages {

  private static final int MASK = TokenPool.SIZE - 1;

  private final String[] tokens = new String[TokenPool.SIZE];
  private final MinimalRequest[] requests = new MinimalRequest[TokenPool.SIZE];
  private final HttpServletResponse response = MinimalRequest.failingResponse();
  private final CountingChain chain = new CountingChain();
  private GatehouseFilter filter;
  private int next;

  @Setup
  public void setup() throws Exception {
    TokenPool pool = TokenPool.of("RS256");
    filter =
        new GatehouseFilter(
            GatehouseConfig.forIssuer(TokenPool.ISSUER)
                .audiences(TokenPool.AUDIENCE)
                .requiredScopes("read")
                .publicKey(pool.jwksJson())
                .build());
    for (int i = 0; i < TokenPool.SIZE; i++) {
      tokens[i] = pool.token(i);
      requests[i] = new MinimalRequest("Bearer " + tokens[i]);
    }
    for (MinimalRequest request : requests) {
      filter.doFilter(request, response, chain);
    }
    if (chain.passed != TokenPool.SIZE) {
      throw new IllegalStateException("the filter refused pool tokens: " + chain.passed);
    }
  }

  @Benchmark
  public String syntaxCheck() {
    return TokenSyntax.check(tokens[next++ & MASK], 8192);
  }

  @Benchmark
  public TokenDigest cacheKey() {
    return TokenDigest.of(tokens[next++ & MASK]);
  }

  @Benchmark
  public void filterRequest(Blackhole bh) throws Exception {
    MinimalRequest request = requests[next++ & MASK];
    request.attributes.clear();
    filter.doFilter(request, response, chain);
    bh.consume(chain.last);
  }
}
