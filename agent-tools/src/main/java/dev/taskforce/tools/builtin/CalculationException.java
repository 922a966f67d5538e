package dev.taskforce.tools.builtin;

import dev.taskforce.TaskforceException;

/**
 * Thrown when {@link CalculatorTool} cannot evaluate an expression: it is malformed, too long,
 * nests too deeply, divides by zero, or its result would be too large.
 *
 * <p>The message names the 1-based position in the expression where the problem is, for example
 * {@code "division by zero at position 3"}.
 */
public final class CalculationException extends TaskforceException {

  /** The 1-based position in the expression, or 0 when the problem concerns all of it. */
  private final int position;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, ending with the position
   * @param position the 1-based position in the expression, or 0 when it concerns the whole input
   */
  CalculationException(String message, int position) {
    super(message);
    this.position = position;
  }

  /**
   * Where in the expression the problem is.
   *
   * @return the 1-based character position, or 0 when the problem concerns the whole expression
   */
  public int position() {
    return position;
  }
}
