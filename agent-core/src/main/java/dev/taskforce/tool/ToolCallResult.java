package dev.taskforce.tool;

import static java.util.Objects.requireNonNull;

import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import java.time.Duration;

/**
 * One tool call and the result the model sees.
 *
 * @param call the model's call
 * @param result the tool's result, or the failure that replaced it (unknown tool, exception,
 *     timeout, cancellation); already cut to the runner's size limit
 * @param elapsed how long the call ran, or how long it was waited for when it was abandoned
 */
public record ToolCallResult(ToolCall call, ToolResult result, Duration elapsed) {

  /** Checks every component is present and the time is not negative. */
  public ToolCallResult {
    requireNonNull(call, "call == null");
    requireNonNull(result, "result == null");
    requireNonNull(elapsed, "elapsed == null");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative, was " + elapsed);
    }
  }

  /**
   * The message that answers the call in the conversation.
   *
   * @return a tool-role message with the call's id and name, marked as an error for failures
   */
  public ToolResultMessage toMessage() {
    return new ToolResultMessage(call.id(), call.name(), result.content(), result.isError());
  }
}
