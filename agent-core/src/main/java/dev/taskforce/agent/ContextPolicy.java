package dev.taskforce.agent;

/**
 * What to do when a conversation grows past the model's context window.
 *
 * <p>Sizes are estimated at about four characters per token. Whatever a policy removes, it never
 * separates an assistant message's tool calls from their results, never removes the system
 * instructions, and always keeps the latest user message and everything after it.
 */
public sealed interface ContextPolicy {

  /**
   * Refuse to send a request that cannot fit (the default): the run fails with a {@link
   * ContextWindowExceededException} before anything is sent.
   *
   * @return the policy
   */
  static ContextPolicy failWhenFull() {
    return FailWhenFull.INSTANCE;
  }

  /**
   * Drop the oldest messages after the instructions, whole turns at a time (an assistant message
   * with its tool results), until the request fits; fail as {@link #failWhenFull()} when even the
   * latest turn alone does not fit. The run's transcript keeps every message: only what is sent is
   * trimmed.
   *
   * @return the policy
   */
  static ContextPolicy dropOldestTurns() {
    return DropOldestTurns.INSTANCE;
  }

  /** Fails when full. */
  enum FailWhenFull implements ContextPolicy {
    /** The one instance. */
    INSTANCE
  }

  /** Drops the oldest turns. */
  enum DropOldestTurns implements ContextPolicy {
    /** The one instance. */
    INSTANCE
  }
}
