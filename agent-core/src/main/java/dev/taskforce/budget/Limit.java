package dev.taskforce.budget;

/** The kinds of limit a run can reach. */
public enum Limit {
  /** The dollar budget. */
  COST,
  /** The token budget. */
  TOKENS,
  /** The number of model calls (or an agent's turns). */
  MODEL_CALLS,
  /** The number of tool calls. */
  TOOL_CALLS,
  /** The wall-time budget. */
  WALL_TIME
}
