package dev.gatehouse.it.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseConfig;
import dev.gatehouse.demo.DemoServer;
import dev.gatehouse.it.load.TokenMix.Kind;
import dev.gatehouse.it.load.TokenMix.Request;
import dev.gatehouse.test.Challenges;
import dev.gatehouse.test.LocalOpenIdProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test of the demo ({@link DemoServer#create}) on 127.0.0.1: {@value
 * #DEFAULT_CLIENTS} concurrent clients send a mix of valid, expired, wrong-audience, forged,
 * garbage and missing tokens for a fixed time (or until a request budget is spent), while the
 * provider's JWKS endpoint is taken down for the middle third of the run and brought back. Every
 * answer is checked against the decision its request must get; heap after a full GC is sampled
 * throughout.
 *
 * <p>In the build it runs for {@value #DEFAULT_SECONDS} s. A soak is the same test with other
 * bounds (docs/reliability.md):
 *
 * <pre>
 * mvn -B -ntp install -DskipTests
 * mvn -B -ntp verify -pl src-it -Dit.test=DemoLoadIT \
 *     -Dgatehouse.load.seconds=300 -Dgatehouse.load.clients=128 -Dgatehouse.load.requests=50000000
 * </pre>
 */
class DemoLoadIT {

  static final int DEFAULT_CLIENTS = 64;
  static final int DEFAULT_SECONDS = 15;
  static final long DEFAULT_REQUESTS = 2_000_000;
  static final Duration COOLDOWN = Duration.ofSeconds(1);
  static final Duration KEY_LIFETIME = Duration.ofSeconds(2);

  /**
   * Allowed growth of the heap after GC under load: the median of the last third of the samples
   * minus the median of the first third (leaving out the sample taken as the clients start). About
   * a quarter of the requests carry a token never seen before, so per-token state of even a few
   * hundred bytes would exceed it; medians keep a sample that caught a burst in flight from
   * counting.
   */
  static final long HEAP_GROWTH_LIMIT = 8L * 1024 * 1024;

  private final int clients = Integer.getInteger("gatehouse.load.clients", DEFAULT_CLIENTS);
  private final int seconds = Integer.getInteger("gatehouse.load.seconds", DEFAULT_SECONDS);
  private final long budget = Long.getLong("gatehouse.load.requests", DEFAULT_REQUESTS);

  /** Whether the JWKS endpoint is down right now; read by the clients to count outage requests. */
  private volatile boolean outageNow;

  @Test
  void theDemoDecidesEveryRequestRightUnderLoadThroughAJwksOutage() throws Exception {
    try (LocalOpenIdProvider provider = LocalOpenIdProvider.start(TokenMix.AUDIENCE)) {
      GatehouseConfig config =
          GatehouseConfig.forIssuer(provider.issuer())
              .audiences(TokenMix.AUDIENCE)
              .allowInsecureLoopbackHttp()
              .keys(k -> k.refreshCooldown(COOLDOWN))
              // Short-lived keys, so that refreshes are due (and fail) during the outage.
              .keys(k -> k.cacheDuration(KEY_LIFETIME))
              .build();
      Server demo = DemoServer.create(0, config);
      demo.start();
      try {
        URI me =
            URI.create(
                "http://127.0.0.1:"
                    + ((ServerConnector) demo.getConnectors()[0]).getLocalPort()
                    + "/api/me");
        Result result = run(provider, new TokenMix(provider), me);
        String report = result.report(clients, seconds, provider);
        System.out.println(report);
        Path out = Path.of("target", "load", "demo-load-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertEquals(0, result.serverErrors.sum(), "5xx answers\n" + report);
        assertEquals(0, result.wrongDecisions.sum(), "wrong decisions\n" + report);
        assertEquals(0, result.transportErrors.sum(), "requests that got no answer\n" + report);
        assertTrue(result.total() >= clients * 10L, "too few requests\n" + report);
        assertTrue(result.outageRequests.sum() > 0, "no request fell into the outage\n" + report);
        long growth = result.heapGrowth();
        assertTrue(
            growth < HEAP_GROWTH_LIMIT,
            "heap after GC grew by " + growth / 1024 + " KiB under load\n" + report);
        assertTrue(
            result.jwksAtEnd > result.jwksAtRecovery,
            "the keys were not fetched again after the outage\n" + report);
        long windows =
            2 + result.elapsed.toMillis() / Math.min(COOLDOWN.toMillis(), KEY_LIFETIME.toMillis());
        assertTrue(
            provider.jwksRequests() <= windows,
            provider.jwksRequests() + " JWKS requests in " + result.elapsed + "\n" + report);
      } finally {
        demo.stop();
      }
    }
  }

  private Result run(LocalOpenIdProvider provider, TokenMix mix, URI target) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, daemon("load-http")))
            .build();
    warmUp(http, target, mix);

    Result result = new Result();
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(seconds).toNanos();
    long outageFrom = start + Duration.ofSeconds(seconds).toNanos() / 3;
    long outageTo = start + 2 * Duration.ofSeconds(seconds).toNanos() / 3;
    // About 30 heap samples whatever the length of the run, but not more often than every 2 s.
    long sampleEveryNanos = Math.max(2_000_000_000L, Duration.ofSeconds(seconds).toNanos() / 30);
    AtomicLong issued = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("load-client"));
    CountDownLatch done = new CountDownLatch(clients);
    outageNow = false;
    for (int c = 0; c < clients; c++) {
      SplittableRandom random = new SplittableRandom(0x5eed + c);
      pool.execute(
          () -> {
            try {
              while (System.nanoTime() < end && issued.incrementAndGet() <= budget) {
                send(http, target, mix.next(random), result);
              }
            } finally {
              done.countDown();
            }
          });
    }

    result.heap.add(heapAfterGc());
    boolean down = false;
    boolean restored = false;
    while (!done.await(500, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      if (!down && now >= outageFrom) {
        provider.takeDown();
        result.jwksAtOutage = provider.jwksRequests();
        down = true;
        outageNow = true;
        result.events.add(String.format("%.1f s: JWKS endpoint down", (now - start) / 1e9));
      } else if (down && !restored && now >= outageTo) {
        provider.bringBack();
        result.jwksAtRecovery = provider.jwksRequests();
        restored = true;
        outageNow = false;
        result.events.add(String.format("%.1f s: JWKS endpoint back", (now - start) / 1e9));
      }
      if (result.heap.size() < 2 + (now - start) / sampleEveryNanos) {
        result.heap.add(heapAfterGc());
      }
    }
    result.elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (down && !restored) {
      provider.bringBack();
    }
    result.jwksAtEnd = provider.jwksRequests();
    result.heap.add(heapAfterGc());
    pool.shutdownNow();
    return result;
  }

  private void send(HttpClient http, URI target, Request request, Result result) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10));
    if (request.authorization() != null) {
      builder.header("Authorization", request.authorization());
    }
    boolean outage = outageNow;
    long started = System.nanoTime();
    HttpResponse<Void> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      result.transportErrors.increment();
      result.firstProblems.putIfAbsent(
          "transport " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    result.latencyMicros.add((System.nanoTime() - started) / 1000);
    if (outage) {
      result.outageRequests.increment();
    }
    int status = response.statusCode();
    result.count(request.kind(), status);
    if (status >= 500) {
      result.serverErrors.increment();
    }
    if (!rightDecision(
        request.kind(), status, response.headers().firstValue("WWW-Authenticate").orElse(null))) {
      result.wrongDecisions.increment();
      result.firstProblems.putIfAbsent(
          request.kind() + " " + status,
          response.headers().firstValue("WWW-Authenticate").orElse("(no challenge)"));
    }
  }

  static boolean rightDecision(Kind kind, int status, String challenge) {
    if (status != kind.status) {
      return false;
    }
    if (kind == Kind.VALID) {
      return challenge == null;
    }
    if (kind.error == null) {
      // RFC 6750 section 3.1 and RFC 9449 section 7.1: no error code, both schemes.
      return Challenges.bare().equals(challenge);
    }
    return challenge != null && challenge.contains("error=\"" + kind.error + "\"");
  }

  /** Each valid token once, so that the verified-token cache is warm before heap is sampled. */
  private static void warmUp(HttpClient http, URI target, TokenMix mix) throws Exception {
    for (String token : mix.validTokens()) {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.discarding());
      assertEquals(200, r.statusCode(), "warm-up");
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Counters shared by all clients. */
  static final class Result {
    final Map<Kind, Map<Integer, LongAdder>> byKind = new ConcurrentHashMap<>();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder wrongDecisions = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    final LongAdder outageRequests = new LongAdder();
    final LatencyHistogram latencyMicros = new LatencyHistogram();
    final Map<String, String> firstProblems = new ConcurrentHashMap<>();
    final List<Long> heap = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    Duration elapsed;
    int jwksAtOutage;
    int jwksAtRecovery;
    int jwksAtEnd;

    void count(Kind kind, int status) {
      byKind
          .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(status, s -> new LongAdder())
          .increment();
    }

    long total() {
      return byKind.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(LongAdder::sum)
          .sum();
    }

    /** Samples taken under load: all but the first, which is taken as the clients start. */
    private List<Long> underLoad() {
      return heap.size() > 3 ? heap.subList(1, heap.size()) : heap;
    }

    /** Median of the last third of the samples under load minus the median of the first third. */
    long heapGrowth() {
      List<Long> samples = underLoad();
      int third = Math.max(1, samples.size() / 3);
      return median(samples.subList(samples.size() - third, samples.size()))
          - median(samples.subList(0, third));
    }

    /** Highest minus lowest sample under load. */
    long heapSpread() {
      List<Long> samples = underLoad();
      return samples.stream().mapToLong(Long::longValue).max().orElse(0)
          - samples.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long median(List<Long> values) {
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    String report(int clients, int seconds, LocalOpenIdProvider provider) {
      StringBuilder r = new StringBuilder();
      long total = total();
      r.append("## Gatehouse demo load run\n\n");
      r.append(
          String.format(
              "- JDK %s (%s), %d CPUs, max heap %d MiB%n",
              System.getProperty("java.version"),
              System.getProperty("java.vm.name"),
              Runtime.getRuntime().availableProcessors(),
              Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      r.append(
          String.format(
              "- %d clients, bound %d s; ran %.1f s%n",
              clients, seconds, elapsed.toMillis() / 1000.0));
      r.append(
          String.format(
              "- requests: %d (%.0f req/s), during the JWKS outage: %d%n",
              total, total / (elapsed.toMillis() / 1000.0), outageRequests.sum()));
      r.append(
          String.format(
              "- latency (power-of-two buckets): p50 <= %.1f ms, p99 <= %.1f ms,"
                  + " max %.1f ms%n",
              latencyMicros.percentile(50) / 1000.0,
              latencyMicros.percentile(99) / 1000.0,
              latencyMicros.max() / 1000.0));
      r.append(
          String.format(
              "- 5xx: %d, wrong decisions: %d, no answer: %d%n",
              serverErrors.sum(), wrongDecisions.sum(), transportErrors.sum()));
      r.append(
          String.format(
              "- provider: %d discovery and %d JWKS requests (%d before the outage, %d after it)%n",
              provider.discoveryRequests(), jwksAtEnd, jwksAtOutage, jwksAtEnd - jwksAtRecovery));
      events.forEach(e -> r.append("- ").append(e).append('\n'));
      r.append("- heap after GC (MiB):");
      heap.forEach(h -> r.append(String.format(" %.1f", h / (1024.0 * 1024))));
      r.append(
          String.format(
              "; growth under load %.1f MiB (median of last third minus first"
                  + " third), spread %.1f MiB%n%n",
              heapGrowth() / (1024.0 * 1024), heapSpread() / (1024.0 * 1024)));
      r.append("| request | sent | answers |\n|---|---:|---|\n");
      Map<Kind, Map<Integer, LongAdder>> sorted = new EnumMap<>(Kind.class);
      sorted.putAll(byKind);
      sorted.forEach(
          (kind, statuses) -> {
            long sent = statuses.values().stream().mapToLong(LongAdder::sum).sum();
            StringBuilder answers = new StringBuilder();
            new TreeMap<>(statuses)
                .forEach((s, n) -> answers.append(s).append(": ").append(n.sum()).append(' '));
            r.append("| ")
                .append(kind)
                .append(" (expect ")
                .append(kind.status)
                .append(") | ")
                .append(sent)
                .append(" | ")
                .append(answers.toString().trim())
                .append(" |\n");
          });
      if (!firstProblems.isEmpty()) {
        r.append("\nFirst problems: ").append(firstProblems).append('\n');
      }
      return r.toString();
    }
  }

  /** Latencies in microseconds, in power-of-two buckets: enough for p50/p99 in a report. */
  static final class LatencyHistogram {
    private final LongAdder[] buckets = new LongAdder[40];
    private final AtomicLong max = new AtomicLong();

    LatencyHistogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(long micros) {
      buckets[Math.min(buckets.length - 1, 64 - Long.numberOfLeadingZeros(Math.max(1, micros)))]
          .increment();
      max.accumulateAndGet(micros, Math::max);
    }

    /** Upper bound of the bucket holding the percentile. */
    long percentile(int p) {
      long total = 0;
      for (LongAdder b : buckets) {
        total += b.sum();
      }
      long seen = 0;
      for (int i = 0; i < buckets.length; i++) {
        seen += buckets[i].sum();
        if (seen * 100 >= total * p) {
          return 1L << i;
        }
      }
      return max.get();
    }

    long max() {
      return max.get();
    }
  }
}
