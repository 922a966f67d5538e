package dev.taskforce.tool;

import static java.util.Objects.requireNonNull;

/**
 * What a tool call produced: output for the model, or a failure the model should know about.
 *
 * <p>Both kinds go back to the model as the tool's answer; a failure is marked as an error so the
 * model can correct its arguments or try something else.
 */
public sealed interface ToolResult {

  /**
   * The text the model reads.
   *
   * @return the output, or the failure message
   */
  String content();

  /**
   * Whether this result is a failure.
   *
   * @return {@code true} for {@link Failure}
   */
  default boolean isError() {
    return this instanceof Failure;
  }

  /**
   * A successful call's output.
   *
   * @param content the output the model reads
   * @return the result
   */
  static ToolResult success(String content) {
    return new Success(content);
  }

  /**
   * A failed call, with a message that tells the model what went wrong.
   *
   * @param message the failure, precise enough for the model to act on (no stack traces)
   * @return the result
   */
  static ToolResult failure(String message) {
    return new Failure(message);
  }

  /**
   * A successful call's output.
   *
   * @param content the output the model reads
   */
  record Success(String content) implements ToolResult {
    /** Checks the content is present. */
    public Success {
      requireNonNull(content, "content == null");
    }
  }

  /**
   * A failed call.
   *
   * @param content the failure message the model reads
   */
  record Failure(String content) implements ToolResult {
    /** Checks the message is present. */
    public Failure {
      requireNonNull(content, "content == null");
    }
  }
}
