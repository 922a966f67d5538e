package dev.taskforce.transport;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One shared daemon thread that enforces read (idle) timeouts on {@link HttpClientBody} streams,
 * since {@link java.net.http.HttpClient} limits only the wait for the headers.
 *
 * <p>Each open body has at most one pending check, rescheduled once per timeout period, so the cost
 * does not grow with the number of reads.
 */
final class IdleWatchdog {

  private static final ScheduledExecutorService TIMER = create();

  private IdleWatchdog() {}

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "taskforce-http-idle-timeout");
              thread.setDaemon(true);
              return thread;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  static java.util.concurrent.ScheduledFuture<?> schedule(Runnable check, long delayNanos) {
    return TIMER.schedule(check, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
  }
}
