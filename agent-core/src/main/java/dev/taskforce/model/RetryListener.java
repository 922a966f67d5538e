package dev.taskforce.model;

import java.time.Duration;

/**
 * Told when a {@link RetryingChatModel} is about to call again after a retryable failure. Set per
 * request with {@link ChatRequest.Builder#retryListener}; the agent loop turns these into {@code
 * RunEvent.ModelRetried} events.
 *
 * <p>Called on the calling thread, before the backoff sleep. An exception thrown here is logged and
 * ignored.
 */
@FunctionalInterface
public interface RetryListener {

  /** A listener that does nothing. */
  RetryListener NONE = (attempt, delay, cause) -> {};

  /**
   * A retry is coming.
   *
   * @param attempt the number of the attempt about to be made, from 2
   * @param delay how long the model waits first
   * @param cause the failure of the previous attempt
   */
  void onRetry(int attempt, Duration delay, ModelException cause);
}
