package dev.taskforce.testing;

import dev.taskforce.schema.JsonSchema;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tool.ToolSpec;
import java.util.function.BiFunction;

/** Small hand-written tools for agent tests. */
public final class TestTools {
  private TestTools() {}

  public static ToolHandler tool(String name, BiFunction<String, ToolContext, ToolResult> body) {
    ToolSpec spec =
        new ToolSpec(
            name,
            "test tool " + name,
            JsonSchema.fromJson(
                "{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}"),
            true);
    return new ToolHandler() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public ToolResult call(String argumentsJson, ToolContext context) {
        return body.apply(argumentsJson, context);
      }
    };
  }

  public static ToolHandler echo(String name) {
    return tool(name, (args, ctx) -> ToolResult.success(name + ":" + args));
  }
}
