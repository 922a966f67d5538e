package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * A streamed answer ended before it was complete: the stream closed without its end marker ({@code
 * [DONE]} or a terminal event) and without a finish reason.
 *
 * <p>Retryable: yes, when nothing of the answer has been delivered yet.
 */
public final class StreamTruncatedException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param message what was missing
   * @param cause the underlying failure, or {@code null}
   */
  public StreamTruncatedException(String message, @Nullable Throwable cause) {
    super(
        new ModelError(200, null, null, message, null, null, null, ErrorOrigin.STREAM, null),
        true,
        cause);
  }
}
