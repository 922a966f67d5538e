package dev.taskforce.tool;

// TEMPORARY stand-in with the agreed signature; replaced by the tools branch at merge.
import dev.taskforce.message.ToolCall;
import dev.taskforce.message.ToolResultMessage;
import java.time.Duration;

/**
 * A call and its result.
 *
 * @param call call
 * @param result result
 * @param elapsed elapsed
 */
public record ToolCallResult(ToolCall call, ToolResult result, Duration elapsed) {
  /**
   * @return message
   */
  public ToolResultMessage toMessage() {
    return new ToolResultMessage(call.id(), call.name(), result.content(), result.isError());
  }
}
