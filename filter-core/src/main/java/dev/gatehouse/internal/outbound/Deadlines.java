package dev.gatehouse.internal.outbound;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when an exchange's deadline passes, unless it ended first.
 *
 * <p>A blocked {@code HttpURLConnection} read can only be ended from another thread, so there is
 * one: a single daemon thread for the whole class loader, started on first use and ending one
 * second after the last deadline is settled. It has no context class loader and nothing of the
 * application stays on it once idle, so an undeployed application is not kept in memory and Tomcat
 * finds no thread of its own to complain about (see {@code TomcatRedeployIT}).
 */
final class Deadlines {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Deadlines() {}

  /**
   * Runs {@code onExpiry} after {@code delay} on a thread of its own; cancel the result when the
   * exchange ends. Closing a connection can block until a read in progress returns (the JDK's
   * response streams lock around each read), so the timer itself never runs it: one slow close must
   * not delay the other exchanges' deadlines. That thread exists only for a deadline that was
   * missed, which is rare, and only until the connection is closed.
   */
  static ScheduledFuture<?> after(Duration delay, Runnable onExpiry) {
    return TIMER.schedule(
        () -> daemon("gatehouse-outbound-close", onExpiry).start(),
        delay.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private static Thread daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.setContextClassLoader(null);
    return t;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, task -> daemon("gatehouse-outbound-deadline", task));
    // Cancelled deadlines leave the queue at once, so an idle thread holds no task and ends.
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(1, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }
}
