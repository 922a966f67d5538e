package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

/** Whether and which tools the model may or must call. */
public sealed interface ToolChoice {

  /** The model decides (the default). */
  ToolChoice AUTO = new Auto();

  /** The model must not call tools. */
  ToolChoice NONE = new None();

  /** The model must call at least one tool. */
  ToolChoice REQUIRED = new Required();

  /** The model decides. */
  record Auto() implements ToolChoice {}

  /** The model must not call tools. */
  record None() implements ToolChoice {}

  /** The model must call at least one tool. */
  record Required() implements ToolChoice {}

  /**
   * The model must call this tool.
   *
   * @param name the tool's name
   */
  record Named(String name) implements ToolChoice {
    /** Checks the name is present. */
    public Named {
      requireNonNull(name, "name == null");
    }
  }
}
