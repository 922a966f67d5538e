package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a failed model call: what the provider said, and where.
 *
 * <p>Texts are stored as received, except that a client removes its API key from them; long bodies
 * and metadata are cut to {@link #MAX_TEXT_CHARS} characters.
 *
 * @param status the HTTP status, or the status the error stands for when it arrived inside a 200
 *     response or a stream; 0 when there was no answer
 * @param code the provider's error code as text (a number such as {@code "429"} or a name such as
 *     {@code "server_error"}), or {@code null}
 * @param type the provider's error type, for example {@code context_length_exceeded}, or {@code
 *     null}
 * @param message the provider's message, or a description of the failure
 * @param metadata the provider's error metadata as raw JSON text, or {@code null}
 * @param body the raw response body, or {@code null}
 * @param retryAfter how long the provider asked to wait before retrying, or {@code null}
 * @param origin where the error was reported
 * @param retryable the provider's own statement whether retrying can help, or {@code null} to
 *     decide from the status
 */
public record ModelError(
    int status,
    @Nullable String code,
    @Nullable String type,
    String message,
    @Nullable String metadata,
    @Nullable String body,
    @Nullable Duration retryAfter,
    ErrorOrigin origin,
    @Nullable Boolean retryable)
    implements Serializable {

  /** The most characters of a body or metadata text kept. */
  public static final int MAX_TEXT_CHARS = 16_384;

  /** Checks the required parts and cuts long texts. */
  public ModelError {
    requireNonNull(message, "message == null");
    requireNonNull(origin, "origin == null");
    if (status < 0 || status > 999) {
      throw new IllegalArgumentException("status must be 0 or an HTTP status, was " + status);
    }
    body = cut(body);
    metadata = cut(metadata);
  }

  /**
   * An error without any HTTP answer (connection refused, reset, timed out).
   *
   * @param message what happened
   * @return the error, with status 0 and origin {@link ErrorOrigin#TRANSPORT}
   */
  public static ModelError withoutResponse(String message) {
    return new ModelError(0, null, null, message, null, null, null, ErrorOrigin.TRANSPORT, null);
  }

  private static @Nullable String cut(@Nullable String text) {
    if (text == null || text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    return text.substring(0, MAX_TEXT_CHARS)
        + "…["
        + (text.length() - MAX_TEXT_CHARS)
        + " more chars]";
  }
}
