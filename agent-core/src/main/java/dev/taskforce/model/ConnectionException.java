package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer arrived: the connection could not be made, or broke while the response was read.
 * The status is 0.
 *
 * <p>Retryable: yes.
 */
public final class ConnectionException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param message what failed, for example {@code "connection refused: https://..."}
   * @param cause the I/O failure, or {@code null}
   */
  public ConnectionException(String message, @Nullable Throwable cause) {
    this(ModelError.withoutResponse(message), cause);
  }

  ConnectionException(ModelError error, @Nullable Throwable cause) {
    super(error, true, cause);
  }
}
