package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The provider's answer could not be understood: its body is not the JSON the protocol describes.
 * {@link #body()} holds what arrived.
 *
 * <p>Retryable: no (the request may already have been billed).
 */
public final class MalformedResponseException extends ModelException {

  /**
   * Creates the exception.
   *
   * @param status the HTTP status of the answer
   * @param message what was wrong
   * @param body the raw body, or {@code null}
   * @param cause the parse failure, or {@code null}
   */
  public MalformedResponseException(
      int status, String message, @Nullable String body, @Nullable Throwable cause) {
    super(
        new ModelError(
            status, null, null, message, null, body, null, ErrorOrigin.RESPONSE_BODY, null),
        false,
        cause);
  }
}
