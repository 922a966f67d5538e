package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The request timed out: the provider answered 408, or no data arrived within the read timeout
 * (status 0).
 *
 * <p>Retryable: yes.
 */
public final class RequestTimeoutException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public RequestTimeoutException(ModelError error, @Nullable Throwable cause) {
    super(error, true, cause);
  }
}
