package dev.taskforce.agent;

import dev.taskforce.TaskforceException;

/**
 * A request cannot fit the model's context window, and the context policy could not make it fit.
 */
public final class ContextWindowExceededException extends TaskforceException {

  private final long estimatedPromptTokens;
  private final long maxPromptTokens;

  ContextWindowExceededException(String model, long estimatedPromptTokens, long maxPromptTokens) {
    super(
        "the prompt (~"
            + estimatedPromptTokens
            + " tokens) does not fit the context window of "
            + model
            + " (at most "
            + maxPromptTokens
            + " prompt tokens after reserving the output limit); shorten the conversation or use"
            + " ContextPolicy.dropOldestTurns()");
    this.estimatedPromptTokens = estimatedPromptTokens;
    this.maxPromptTokens = maxPromptTokens;
  }

  /**
   * @return the estimated prompt size in tokens
   */
  public long estimatedPromptTokens() {
    return estimatedPromptTokens;
  }

  /**
   * @return the most prompt tokens the model can take with the requested output limit
   */
  public long maxPromptTokens() {
    return maxPromptTokens;
  }
}
