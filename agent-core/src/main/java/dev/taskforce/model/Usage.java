package dev.taskforce.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Tokens used and what they cost.
 *
 * @param inputTokens prompt tokens, cached ones included
 * @param outputTokens completion tokens, reasoning ones included
 * @param cachedInputTokens prompt tokens served from the provider's cache
 * @param reasoningTokens completion tokens spent on reasoning
 * @param costUsd the cost in US dollars: the provider's figure when it sent one, else computed from
 *     the model catalog; zero when neither is known
 */
public record Usage(
    long inputTokens,
    long outputTokens,
    long cachedInputTokens,
    long reasoningTokens,
    BigDecimal costUsd) {

  /** No tokens, no cost. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, BigDecimal.ZERO);

  /** Checks counts are not negative. */
  public Usage {
    requireNonNull(costUsd, "costUsd == null");
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || reasoningTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /**
   * Input plus output tokens.
   *
   * @return the total
   */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /**
   * Adds two usages.
   *
   * @param other the usage to add
   * @return the sum
   */
  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cachedInputTokens + other.cachedInputTokens,
        reasoningTokens + other.reasoningTokens,
        costUsd.add(other.costUsd));
  }

  /**
   * The same tokens at another cost.
   *
   * @param cost the cost in US dollars
   * @return a copy with that cost
   */
  public Usage withCost(BigDecimal cost) {
    return new Usage(inputTokens, outputTokens, cachedInputTokens, reasoningTokens, cost);
  }
}
