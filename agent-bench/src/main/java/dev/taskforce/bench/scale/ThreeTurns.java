package dev.taskforce.bench.scale;

import dev.taskforce.message.Message;
import dev.taskforce.message.ToolResultMessage;
import dev.taskforce.schema.JsonSchema;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolSpec;
import java.util.List;

/**
 * The conversation each scale run has: two turns that each call the {@code lookup} tool, then a
 * final answer. The model decides its turn from the tool results it has seen so far.
 */
final class ThreeTurns {

  static final int TURNS = 3;
  static final String TOOL = "lookup";
  static final String ANSWER = "The order shipped on Monday.";

  private ThreeTurns() {}

  /** The turn a request is for, from 1: one more than the tool results in it. */
  static int turn(List<Message> messages) {
    int results = 0;
    for (Message m : messages) {
      if (m instanceof ToolResultMessage) {
        results++;
      }
    }
    return results + 1;
  }

  /** Whether the model answers in this turn rather than calling the tool. */
  static boolean answers(int turn) {
    return turn >= TURNS;
  }

  /** The tool's arguments in a turn. */
  static String arguments(int turn) {
    return "{\"id\":\"A-" + (1000 + turn) + "\"}";
  }

  /** A quick tool: looks an order up in memory. */
  static ToolHandler tool() {
    ToolSpec spec =
        new ToolSpec(
            TOOL,
            "Looks up an order by id",
            JsonSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},"
                    + "\"required\":[\"id\"],\"additionalProperties\":false}"),
            true);
    return new ToolHandler() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public ToolResult call(String argumentsJson, ToolContext context) {
        return ToolResult.success("{\"status\":\"shipped\",\"day\":\"Monday\"}");
      }
    };
  }
}
