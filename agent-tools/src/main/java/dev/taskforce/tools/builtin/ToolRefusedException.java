package dev.taskforce.tools.builtin;

import dev.taskforce.TaskforceException;

/**
 * Thrown when a built-in tool refuses a call its safety settings do not allow: a path outside the
 * root, a host not on the list, a private address, a size limit, a content type.
 *
 * <p>The message is written for the model and is safe to show it: it says what was refused and why,
 * naming paths relative to the root and never host paths, credentials or stack traces.
 */
public final class ToolRefusedException extends TaskforceException {

  /**
   * Creates the exception.
   *
   * @param message what was refused and why, safe to show the model
   */
  public ToolRefusedException(String message) {
    super(message);
  }
}
