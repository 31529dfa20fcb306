package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every call to the cluster goes through here, so that none takes longer than the operation timeout
 * and every failure, whatever Hazelcast throws, reaches the filter as one {@link
 * StoreUnavailableException}.
 *
 * <p>Reads use Hazelcast's asynchronous operations where it has them, so that a near-cache hit
 * costs no thread hand-off. Its blocking calls ({@code putIfAbsent} with a TTL, locks, sizes) wait
 * as long as the instance's invocation timeout, which belongs to whoever configured the instance;
 * they run on a small pool of this store's threads and the caller waits only the operation timeout.
 * A full pool refuses at once rather than queueing behind a cluster that does not answer.
 */
final class Remote implements AutoCloseable {

  private static final AtomicInteger POOLS = new AtomicInteger();

  /**
   * Beyond the operation timeout, how long close waits for a call that ignores interrupts: an owned
   * client's invocation timeout is the operation timeout rounded up to whole seconds.
   */
  private static final Duration CLOSE_SLACK = Duration.ofSeconds(2);

  private final HazelcastInstance instance;
  private final Duration timeout;
  private final ThreadPoolExecutor calls;
  private final UUID lifecycleListener;
  private volatile boolean connected = true;
  private volatile Runnable onReconnect = () -> {};

  /** {@code timeout} is positive ({@link HazelcastStoreOptions} checks it). */
  Remote(HazelcastInstance instance, Duration timeout) {
    this.instance = instance;
    this.timeout = timeout;
    int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    String pool = "gatehouse-hazelcast-" + POOLS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    this.calls =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 64),
            r -> {
              Thread t = new Thread(r, pool + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    calls.allowCoreThreadTimeOut(true);
    this.lifecycleListener =
        instance.getLifecycleService().addLifecycleListener(e -> changed(e.getState()));
  }

  /** What to do once a client is connected again: events sent meanwhile are lost. */
  void onReconnect(Runnable action) {
    this.onReconnect = action;
  }

  /**
   * False when the instance is known to be shut down or disconnected: a local shortcut must not
   * answer then, since its knowledge may be stale.
   */
  boolean reachable() {
    return connected && instance.getLifecycleService().isRunning();
  }

  Duration timeout() {
    return timeout;
  }

  /** Runs a blocking Hazelcast call on this store's pool and waits at most the timeout for it. */
  <T> T call(Callable<T> call, String what) {
    Future<T> future;
    try {
      future = calls.submit(call);
    } catch (RejectedExecutionException e) {
      throw new StoreUnavailableException(what + ": too many calls waiting for the cluster", e);
    }
    return waitFor(future, what);
  }

  private <T> T waitFor(Future<T> future, String what) {
    if (!instance.getLifecycleService().isRunning()) {
      future.cancel(true);
      throw new StoreUnavailableException(what + ": the Hazelcast instance is not running");
    }
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new StoreUnavailableException(what + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof StoreUnavailableException unavailable) {
        throw unavailable;
      }
      throw new StoreUnavailableException(what + ": " + cause.getClass().getSimpleName(), cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(what + ": interrupted", e);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(what + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private void changed(LifecycleState state) {
    switch (state) {
      case CLIENT_DISCONNECTED, SHUTTING_DOWN, SHUTDOWN -> connected = false;
      case CLIENT_CONNECTED -> {
        // First: what was kept while disconnected must not answer once connected is seen.
        onReconnect.run();
        connected = true;
      }
      default -> {
        // Starting, merging after a split brain and the like change nothing here.
      }
    }
  }

  /**
   * Returns once no thread of this store is inside Hazelcast, or after the longest such a call may
   * take here: Hazelcast's own shutdown waits for a map proxy still being made and then throws what
   * that creation threw, leaving the instance half shut down.
   */
  @Override
  public void close() {
    calls.shutdownNow();
    awaitStopped(calls, timeout.plus(CLOSE_SLACK));
    try {
      if (instance.getLifecycleService().isRunning()) {
        instance.getLifecycleService().removeLifecycleListener(lifecycleListener);
      }
    } catch (RuntimeException gone) {
      // Shut down meanwhile: the listener went with the instance.
    }
  }

  /** Waits at most {@code bound} for an executor that was told to stop. */
  static void awaitStopped(ExecutorService executor, Duration bound) {
    try {
      executor.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
