package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

/**
 * The result of one tool call, sent back to the model with the {@code tool} role.
 *
 * @param toolCallId the {@link ToolCall#id()} this answers
 * @param toolName the name of the tool that was called
 * @param content what the model reads: the tool's output, or the error it should correct
 * @param isError whether the call failed (bad arguments, an exception, an unknown tool)
 */
public record ToolResultMessage(String toolCallId, String toolName, String content, boolean isError)
    implements Message {
  /** Checks every component is present. */
  public ToolResultMessage {
    requireNonNull(toolCallId, "toolCallId == null");
    requireNonNull(toolName, "toolName == null");
    requireNonNull(content, "content == null");
  }
}
