package dev.taskforce.testserver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point in a scripted response where the server stops until the test releases it.
 *
 * <p>{@link #awaitReached()} lets the test wait until the server got there (so the client has
 * everything sent before it); {@link #release()} lets the server go on. Closing the server releases
 * every pause.
 */
public final class Pause {

  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** Waits, at most 10 seconds, until the server has reached this pause. */
  public void awaitReached() {
    await(reached, "the server never reached the pause");
  }

  /** Lets the server continue past this pause. */
  public void release() {
    released.countDown();
  }

  /**
   * Whether the server has reached this pause.
   *
   * @return {@code true} once reached
   */
  public boolean isReached() {
    return reached.getCount() == 0;
  }

  void arriveAndWait() {
    reached.countDown();
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch, String failure) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError(failure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
