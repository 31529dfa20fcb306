package dev.gatehouse.bench.stages;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.GatehouseFilter;
import dev.gatehouse.bench.TokenPool;
import dev.gatehouse.internal.extract.TokenSyntax;
import dev.gatehouse.internal.verify.TokenDigest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
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
 * What the filter does per request for a client that reuses its token, without a server around
 * it: the syntax check, the cache key, and the whole {@link GatehouseFilter#doFilter} on a minimal
 * request (a cache hit, the path rule, the access checks, the request handed on). Average time per
 * operation, RS256 pool; run with {@code -prof gc} for the bytes. The HTTP measurement
 * ({@code http-overhead.sh}) shows what this costs next to a real server's own work.
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
  private final BenchRequest[] requests = new BenchRequest[TokenPool.SIZE];
  private final HttpServletResponse response = new BenchResponse();
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
      requests[i] = new BenchRequest("Bearer " + tokens[i]);
    }
    for (BenchRequest request : requests) {
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
    BenchRequest request = requests[next++ & MASK];
    request.attributes.clear();
    filter.doFilter(request, response, chain);
    bh.consume(chain.last);
  }

  /** Hands the admitted request to nobody, counting it. */
  private static final class CountingChain implements FilterChain {
    int passed;
    ServletRequest last;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
      passed++;
      last = request;
    }
  }

  /**
   * {@code GET /api/orders} with one Authorization header; the calls the filter makes are answered
   * directly, any other call reaches a proxy that fails the run, so an unexpected one shows.
   */
  private static final class BenchRequest extends HttpServletRequestWrapper {
    final Map<String, Object> attributes = new HashMap<>();
    private final String authorization;

    BenchRequest(String authorization) {
      super(failingOnEveryCall(HttpServletRequest.class));
      this.authorization = authorization;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Authorization".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(authorization))
          : Collections.emptyEnumeration();
    }

    @Override
    public String getHeader(String name) {
      return "Authorization".equalsIgnoreCase(name) ? authorization : null;
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public DispatcherType getDispatcherType() {
      return DispatcherType.REQUEST; // asked since error and async dispatches keep their decision
    }

    @Override
    public String getRequestURI() {
      return "/api/orders";
    }

    @Override
    public String getServletPath() {
      return "/api";
    }

    @Override
    public String getPathInfo() {
      return "/orders";
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }
  }

  private static final class BenchResponse extends HttpServletResponseWrapper {
    BenchResponse() {
      super(failingOnEveryCall(HttpServletResponse.class));
    }
  }

  private static <T> T failingOnEveryCall(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              throw new IllegalStateException(
                  "the filter called " + method.getName() + ", which this benchmark does not answer");
            }));
  }
}
