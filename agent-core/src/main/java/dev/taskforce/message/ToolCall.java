package dev.taskforce.message;

import static java.util.Objects.requireNonNull;

/**
 * A model's request to call one tool.
 *
 * @param id the provider's id for this call; the tool result answers it by this id
 * @param name the tool's name
 * @param argumentsJson the arguments exactly as the model wrote them: a JSON text, which may be
 *     malformed (it is parsed and checked only when the tool runs)
 */
public record ToolCall(String id, String name, String argumentsJson) {
  /** Checks every component is present. */
  public ToolCall {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(argumentsJson, "argumentsJson == null");
  }
}
