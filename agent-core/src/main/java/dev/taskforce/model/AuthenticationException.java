package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The provider rejected the credentials (HTTP 401): the API key is missing, invalid or disabled.
 *
 * <p>Retryable: no.
 */
public final class AuthenticationException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param error the details
   * @param cause the underlying failure, or {@code null}
   */
  public AuthenticationException(ModelError error, @Nullable Throwable cause) {
    super(error, false, cause);
  }
}
