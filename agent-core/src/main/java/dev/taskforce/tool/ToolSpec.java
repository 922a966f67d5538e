package dev.taskforce.tool;

import static java.util.Objects.requireNonNull;

import dev.taskforce.schema.JsonSchema;
import java.util.regex.Pattern;

/**
 * What a model is told about a tool: its name, what it does, and the arguments it takes.
 *
 * @param name the tool's name, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what the tool does and when to use it; may be empty
 * @param parameters the JSON schema of the arguments object
 * @param strict whether the provider should enforce the schema exactly (OpenAI strict mode); the
 *     schema must then follow the strict rules
 */
public record ToolSpec(String name, String description, JsonSchema parameters, boolean strict) {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  /** Checks the name is one providers accept. */
  public ToolSpec {
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    requireNonNull(parameters, "parameters == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tool name must match ^[a-zA-Z0-9_-]{1,64}$, was: \"" + name + "\"");
    }
  }
}
