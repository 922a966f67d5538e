package dev.taskforce.model;

import dev.taskforce.cancel.CancellationToken;
import dev.taskforce.cancel.CancelledException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. Injected into {@link RetryPolicy} so tests record the delays instead of
 * sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits on the real clock, and stops early when the token is cancelled.
   *
   * <p>An interrupt also ends the wait: the interrupt flag is kept and a {@link CancelledException}
   * is thrown.
   */
  Sleeper SYSTEM =
      (duration, cancellation) -> {
        cancellation.throwIfCancelled();
        if (duration.isZero() || duration.isNegative()) {
          return;
        }
        CountDownLatch wake = new CountDownLatch(1);
        CancellationToken.Registration r = cancellation.onCancel(wake::countDown);
        try {
          wake.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancelledException("interrupted while waiting to retry");
        } finally {
          r.remove();
        }
        cancellation.throwIfCancelled();
      };

  /**
   * Waits for a while.
   *
   * @param duration how long
   * @param cancellation ends the wait early
   * @throws CancelledException if the token is or becomes cancelled
   */
  void sleep(Duration duration, CancellationToken cancellation);
}
