package dev.gatehouse.it.cluster;

import dev.gatehouse.test.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients sending good and bad tokens round robin over the live nodes, while something happens
 * to the cluster. A wrong decision is a good token refused for any reason but the store (503 with
 * {@code Retry-After}, the documented answer while a member's data moves) or a bad token accepted;
 * a request to a node that just died (connection refused) is no decision at all.
 */
final class MixedLoad {

  /** What the load saw. */
  record Result(
      long decisions,
      long wrongDecisions,
      long unavailable,
      long unexpectedServerErrors,
      long connectionFailures) {}

  private record Sample(String token, boolean good) {}

  private final Cluster cluster;
  private final Calls calls;
  private final List<Sample> samples;
  private final AtomicLong decisions = new AtomicLong();
  private final AtomicLong wrong = new AtomicLong();
  private final AtomicLong unavailable = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong connectionFailures = new AtomicLong();

  MixedLoad(Cluster cluster, Calls calls, Tokens tokens, String revokedToken) {
    this.cluster = cluster;
    this.calls = calls;
    this.samples =
        List.of(
            new Sample(tokens.valid().build(), true),
            new Sample(tokens.valid().scopes("read:orders").build(), true),
            new Sample(tokens.expired().build(), false),
            new Sample(tokens.wrongAudience().build(), false),
            new Sample(tokens.otherKey().build(), false),
            new Sample(tokens.tampered(), false),
            new Sample(revokedToken, false));
  }

  /** Runs {@code clients} for {@code length}; {@code event} runs once after {@code eventAfter}. */
  Result run(int clients, Duration length, Duration eventAfter, Event event) throws Exception {
    long end = System.nanoTime() + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (int i = 0; i < clients; i++) {
        pool.submit(() -> loop(end));
      }
      Thread.sleep(eventAfter.toMillis());
      event.run();
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(length.toSeconds() + 30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
        throw new IllegalStateException("clients did not finish");
      }
    }
    return new Result(
        decisions.get(),
        wrong.get(),
        unavailable.get(),
        serverErrors.get(),
        connectionFailures.get());
  }

  private Void loop(long end) throws InterruptedException {
    while (System.nanoTime() < end) {
      Sample sample = samples.get(ThreadLocalRandom.current().nextInt(samples.size()));
      NodeProcess node = cluster.roundRobin();
      HttpResponse<String> response;
      try {
        response = calls.bearer(node, sample.token());
      } catch (IOException e) {
        connectionFailures.incrementAndGet();
        continue;
      }
      record(sample, response);
    }
    return null;
  }

  private void record(Sample sample, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 503 && response.headers().firstValue("Retry-After").isPresent()) {
      unavailable.incrementAndGet();
      return;
    }
    if (status >= 500) {
      serverErrors.incrementAndGet();
      return;
    }
    decisions.incrementAndGet();
    boolean accepted = status == 200;
    if (accepted != sample.good()) {
      wrong.incrementAndGet();
    }
  }

  /** What happens to the cluster mid-load. */
  @FunctionalInterface
  interface Event {
    void run() throws Exception;
  }
}
