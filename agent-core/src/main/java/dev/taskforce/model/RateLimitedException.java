package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * Too many requests (HTTP 429), at the provider or upstream, or capacity exhausted.
 *
 * <p>Retryable: yes, after {@link #retryAfter()} when the provider gave it.
 */
public final class RateLimitedException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public RateLimitedException(ModelError error, @Nullable Throwable cause) {
    super(error, true, cause);
  }
}
