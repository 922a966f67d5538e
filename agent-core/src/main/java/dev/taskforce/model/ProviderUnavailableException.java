package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The provider failed or is overloaded (HTTP 5xx, including 502 "Provider returned error", 503, 524
 * and 529).
 *
 * <p>Retryable: yes.
 */
public final class ProviderUnavailableException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderUnavailableException(ModelError error, @Nullable Throwable cause) {
    super(error, true, cause);
  }
}
