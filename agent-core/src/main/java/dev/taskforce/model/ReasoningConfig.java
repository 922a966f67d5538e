package dev.taskforce.model;

import org.jspecify.annotations.Nullable;

/**
 * The {@code reasoning} settings of a request. Every field is optional; {@code null} leaves it to
 * the provider.
 *
 * @param effort how hard to think (OpenAI-style), or {@code null}
 * @param maxTokens a reasoning token budget (Anthropic/Gemini-style; do not combine with effort),
 *     or {@code null}
 * @param exclude {@code true} to reason without returning the reasoning, or {@code null}
 * @param enabled whether to reason at all, or {@code null}
 * @param summary the summary style ({@code auto}, {@code concise}, {@code detailed}), or {@code
 *     null}
 */
public record ReasoningConfig(
    @Nullable ReasoningEffort effort,
    @Nullable Integer maxTokens,
    @Nullable Boolean exclude,
    @Nullable Boolean enabled,
    @Nullable String summary) {

  /** Checks effort and token budget are not both set. */
  public ReasoningConfig {
    if (effort != null && maxTokens != null) {
      throw new IllegalArgumentException("set reasoning effort or maxTokens, not both");
    }
    if (maxTokens != null && maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
  }

  /**
   * Reasoning at an effort level, everything else left to the provider.
   *
   * @param effort the level
   * @return the settings
   */
  public static ReasoningConfig effort(ReasoningEffort effort) {
    return new ReasoningConfig(effort, null, null, null, null);
  }
}
