package dev.taskforce.budget;

/** The kinds of limit a run can reach. */
public enum Limit {
  /** The dollar budget. */
  COST,
  /** The token budget. */
  TOKENS,
  /** The number of model calls of a whole run (a budget limit). */
  MODEL_CALLS,
  /** The number of model calls one agent run may make (the agent's own turn limit). */
  TURNS,
  /** The number of planning rounds of an orchestration. */
  ROUNDS,
  /** The number of tool calls. */
  TOOL_CALLS,
  /** The wall-time budget. */
  WALL_TIME
}
