package dev.taskforce.tool;

// TEMPORARY stand-in with the agreed signature; replaced by the tools branch at merge.
import dev.taskforce.message.ToolCall;

/** Observes tool calls. */
public interface ToolRunListener {
  /**
   * @param call call
   */
  default void onStart(ToolCall call) {}

  /**
   * @param result result
   */
  default void onFinish(ToolCallResult result) {}
}
