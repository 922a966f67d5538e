package dev.taskforce.cancel;

import dev.taskforce.TaskforceException;

/** Thrown by work that stopped because its {@link CancellationToken} was cancelled. */
public final class CancelledException extends TaskforceException {
  /**
   * Creates the exception.
   *
   * @param message what was cancelled
   */
  public CancelledException(String message) {
    super(message);
  }
}
