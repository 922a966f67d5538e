package dev.taskforce.model;

/** Why the model stopped, normalised across providers. */
public enum FinishReason {
  /** The model finished its answer. */
  STOP,
  /** The model stopped to call tools. */
  TOOL_CALLS,
  /** The output limit was reached; with reasoning models, possibly all of it spent thinking. */
  LENGTH,
  /** The provider's content filter stopped the answer. */
  CONTENT_FILTER,
  /** The provider reported an error after starting the answer. */
  ERROR,
  /** The provider gave no reason, or one Taskforce does not know. */
  UNKNOWN
}
