package dev.gatehouse.internal.signals;

import dev.gatehouse.internal.outbound.OutboundHttp;
import dev.gatehouse.internal.outbound.OutboundReply;
import dev.gatehouse.store.ReplayStore;
import dev.gatehouse.store.RevocationStore;
import dev.gatehouse.store.StoreUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one stream (RFC 8936) on a daemon thread of its own: each request acknowledges the SETs
 * applied since the last one and reports the refused ones, asks for at most {@code maxEvents}, and
 * returns immediately (a long poll would outlast the outbound deadline). It asks again at once
 * while the transmitter says more are available, else after the interval. A failed exchange, or a
 * store or key set that cannot be reached, doubles the pause up to {@link #MAX_BACKOFF}, so the
 * transmitter is never hammered; SETs not acknowledged are delivered again by the transmitter.
 */
public final class SetPoller implements AutoCloseable {

  /** The longest pause after repeated failures. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(SetPoller.class);

  /** The stores to write to, when the application has published them. */
  public record Stores(RevocationStore revocations, ReplayStore replays) {}

  private final URI endpoint;
  private final String credential;
  private final int maxEvents;
  private final Duration interval;
  private final OutboundHttp http;
  private final SetProcessor processor;
  private final Supplier<Optional<Stores>> stores;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<String> acks = new ArrayList<>();
  private final Map<String, SetError> errors = new LinkedHashMap<>();
  private @Nullable Thread thread;

  public SetPoller(
      URI endpoint,
      String credential,
      int maxEvents,
      Duration interval,
      OutboundHttp http,
      SetProcessor processor,
      Supplier<Optional<Stores>> stores) {
    this.endpoint = endpoint;
    this.credential = credential;
    this.maxEvents = maxEvents;
    this.interval = interval;
    this.http = http;
    this.processor = processor;
    this.stores = stores;
  }

  public synchronized void start() {
    if (thread == null) {
      Thread t = new Thread(this::run, "gatehouse-set-poller");
      t.setDaemon(true);
      t.start();
      thread = t;
    }
  }

  /** Stops the thread and waits a moment for it; the acknowledgements not yet sent are lost. */
  @Override
  public void close() {
    stopped.countDown();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    int failures = 0;
    while (stopped.getCount() > 0) {
      Duration pause;
      try {
        pause = pollOnce() ? Duration.ZERO : interval;
        failures = 0;
      } catch (IOException | RuntimeException e) {
        failures++;
        pause = backoff(failures);
        LOG.warn(
            "gatehouse signals poll_failed: {} ({} in a row, next in {} s): {}",
            endpoint,
            failures,
            pause.toSeconds(),
            e.toString()); // messages name the endpoint or a status, never the credential
      }
      try {
        if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return; // close() interrupts
      }
    }
  }

  /**
   * One exchange; true when the transmitter has more.
   *
   * @throws StoreUnavailableException when the stores cannot be written: the rest of the batch is
   *     left unacknowledged for the transmitter to deliver again
   */
  boolean pollOnce() throws IOException {
    Stores target =
        stores.get().orElseThrow(() -> new StoreUnavailableException("no store published yet"));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("ack", List.copyOf(acks));
    if (!errors.isEmpty()) {
      Map<String, Object> setErrs = new LinkedHashMap<>();
      errors.forEach(
          (jti, e) -> setErrs.put(jti, Map.of("err", e.code(), "description", e.description())));
      request.put("setErrs", setErrs);
    }
    request.put("maxEvents", maxEvents);
    request.put("returnImmediately", true);
    OutboundReply reply = http.postJson(endpoint, JsonUtil.toJson(request), credential);
    if (reply.status() != 200) {
      throw new IOException("status " + reply.status());
    }
    acks.clear(); // delivered with this request
    errors.clear();
    Map<String, Object> answer;
    try {
      answer = JsonUtil.parseJson(reply.text());
    } catch (JoseException e) {
      throw new IOException("the answer is not a JSON object");
    }
    Object sets = answer.get("sets");
    if (sets instanceof Map<?, ?> batch) {
      for (Map.Entry<?, ?> entry : batch.entrySet()) {
        apply(String.valueOf(entry.getKey()), entry.getValue(), target);
      }
    }
    return Boolean.TRUE.equals(answer.get("moreAvailable"));
  }

  /** A store or key failure propagates: this SET and the rest stay unacknowledged. */
  private void apply(String jti, @Nullable Object set, Stores target) {
    try {
      if (!(set instanceof String compact)) {
        throw new SetRefusedException(SetError.INVALID_REQUEST, "not a string");
      }
      String verified = processor.accept(compact, target.revocations(), target.replays());
      if (!verified.equals(jti)) {
        throw new SetRefusedException(SetError.INVALID_REQUEST, "jti differs from its key");
      }
      acks.add(jti);
    } catch (SetRefusedException e) {
      LOG.info("gatehouse signals refused (polled) {}", e.logLine());
      errors.put(jti, e.error());
    }
  }

  private Duration backoff(int failures) {
    Duration pause = interval.multipliedBy(1L << Math.min(failures, 10));
    return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
  }
}
