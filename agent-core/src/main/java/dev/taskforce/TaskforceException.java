package dev.taskforce;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Taskforce throws on purpose.
 *
 * <p>Taskforce's exceptions are unchecked. Subclasses live in the package of the concept they
 * belong to (for example {@code dev.taskforce.model.RateLimitedException}) and are named for what
 * happened. Programming and configuration errors are reported with {@link IllegalArgumentException}
 * and {@link IllegalStateException} instead.
 */
public class TaskforceException extends RuntimeException {

  /**
   * Creates an exception with a message.
   *
   * @param message what happened, in one sentence a user can act on
   */
  public TaskforceException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what happened, in one sentence a user can act on
   * @param cause the underlying failure, or {@code null}
   */
  public TaskforceException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
