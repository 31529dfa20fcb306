package dev.gatehouse.bench.stages;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseConfigBuilder;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.bench.TokenPool;
import dev.gatehouse.introspection.IntrospectionConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code gatehouse.introspection.jwts} costs per request (issue 17): a whole {@link
 * GatehouseFilter#doFilter} on a minimal request, the RS256 pool of {@link TokenPool} (1,024
 * tokens, one static key), three filters that differ only in JWT introspection.
 *
 * <ul>
 *   <li>{@code plainCacheHit}: no JWT introspection; every token verified in setup, so each timed
 *       request is a verified-token cache hit.
 *   <li>{@code introspectedCacheHit}: introspection on with {@code introspectJwts(5 min)}; every
 *       token introspected once in setup, so each timed request is a token-cache hit plus the
 *       remembered answer.
 *   <li>{@code introspectedMiss}: introspection on with {@code introspectJwts(Duration.ZERO)}, the
 *       shortest lifetime the builder allows: the node's cache expires the answer at once and the
 *       shared store is never written (its lifetime would end now), so every timed request is a
 *       token-cache hit plus one RFC 7662 call, the shared store asked first and missing, to {@link
 *       LocalIntrospectionEndpoint} (a JDK {@code HttpServer} on 127.0.0.1, plain HTTP under the
 *       loopback allowance, answers built in setup): the filter's client and one loopback round
 *       trip, not an authorization server's lookup.
 * </ul>
 *
 * <p>Setup fails the run unless every filter admits every pool token and the endpoint saw exactly
 * the calls each variant should make.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class JwtIntrospectionStages {

  private static final int MASK = TokenPool.SIZE - 1;

  private final MinimalRequest[] requests = new MinimalRequest[TokenPool.SIZE];
  private final HttpServletResponse response = MinimalRequest.failingResponse();
  private final CountingChain chain = new CountingChain();
  private LocalIntrospectionEndpoint endpoint;
  private GatehouseFilter plain;
  private GatehouseFilter remembering;
  private GatehouseFilter forgetting;
  private int next;

  @Setup
  public void setup() throws Exception {
    TokenPool pool = TokenPool.of("RS256");
    endpoint = new LocalIntrospectionEndpoint();
    for (int i = 0; i < TokenPool.SIZE; i++) {
      requests[i] = new MinimalRequest("Bearer " + pool.token(i));
      endpoint.activate(pool.token(i));
    }
    URI uri = endpoint.uri();

    plain = new GatehouseFilter(base(pool).build());
    remembering = new GatehouseFilter(introspecting(pool, uri, Duration.ofMinutes(5)));
    forgetting = new GatehouseFilter(introspecting(pool, uri, Duration.ZERO));

    admitAll(plain, 0, "plain");
    admitAll(remembering, TokenPool.SIZE, "introspected, first pass");
    admitAll(remembering, 0, "introspected, answers remembered");
    admitAll(forgetting, TokenPool.SIZE, "introspected, first pass without memory");
    admitAll(forgetting, TokenPool.SIZE, "introspected, second pass without memory");
  }

  @TearDown
  public void stopEndpoint() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Benchmark
  public Object plainCacheHit() throws Exception {
    return pass(plain, requests[next++ & MASK]);
  }

  @Benchmark
  public Object introspectedCacheHit() throws Exception {
    return pass(remembering, requests[next++ & MASK]);
  }

  @Benchmark
  public Object introspectedMiss() throws Exception {
    return pass(forgetting, requests[next++ & MASK]);
  }

  private Object pass(GatehouseFilter filter, MinimalRequest request) throws Exception {
    request.attributes.clear();
    int before = chain.passed;
    filter.doFilter(request, response, chain);
    if (chain.passed == before) {
      throw new IllegalStateException("refused");
    }
    return chain.last;
  }

  /** Every pool request once through {@code filter}: all admitted, the endpoint asked as said. */
  private void admitAll(GatehouseFilter filter, int expectedCalls, String what) throws Exception {
    int passedBefore = chain.passed;
    int callsBefore = endpoint.calls();
    for (MinimalRequest request : requests) {
      request.attributes.clear();
      filter.doFilter(request, response, chain);
    }
    int admitted = chain.passed - passedBefore;
    int asked = endpoint.calls() - callsBefore;
    if (admitted != TokenPool.SIZE || asked != expectedCalls) {
      throw new IllegalStateException(
          what
              + ": admitted "
              + admitted
              + " of "
              + TokenPool.SIZE
              + ", endpoint called "
              + asked
              + " times, expected "
              + expectedCalls);
    }
  }

  private static GatehouseConfigBuilder base(TokenPool pool) {
    return GatehouseConfig.forIssuer(TokenPool.ISSUER)
        .audiences(TokenPool.AUDIENCE)
        .requiredScopes("read")
        .publicKey(pool.jwksJson());
  }

  private static GatehouseConfig introspecting(TokenPool pool, URI uri, Duration answerLifetime) {
    return base(pool)
        .allowInsecureLoopbackHttp()
        .introspection(
            IntrospectionConfig.forEndpoint(uri)
                .clientCredentials("gatehouse-bench", "bench-only-secret")
                .introspectJwts(answerLifetime)
                .build())
        .build();
  }
}
