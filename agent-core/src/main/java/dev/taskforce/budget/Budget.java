package dev.taskforce.budget;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Limits for one run: dollars, tokens, model calls, tool calls and wall time. A {@code null} limit
 * means no limit.
 *
 * <pre>{@code
 * Budget budget = Budget.usd("0.50").withMaxWallTime(Duration.ofMinutes(5)).withMaxTokens(200_000);
 * }</pre>
 *
 * @param maxCostUsd most dollars the run may spend, or {@code null}
 * @param maxTokens most tokens (input plus output) the run may use, or {@code null}
 * @param maxModelCalls most model calls, or {@code null}
 * @param maxToolCalls most tool calls, or {@code null}
 * @param maxWallTime longest the run may take, or {@code null}
 * @param warnAt the fraction of any limit at which a budget warning event is emitted, in (0, 1]
 */
public record Budget(
    @Nullable BigDecimal maxCostUsd,
    @Nullable Long maxTokens,
    @Nullable Integer maxModelCalls,
    @Nullable Integer maxToolCalls,
    @Nullable Duration maxWallTime,
    double warnAt) {

  /** No limits at all. */
  public static final Budget UNLIMITED = new Budget(null, null, null, null, null, 0.8);

  /** Checks every limit is positive. */
  public Budget {
    if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
      throw new IllegalArgumentException("maxCostUsd must be positive, was " + maxCostUsd);
    }
    if (maxTokens != null && maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
    if (maxModelCalls != null && maxModelCalls <= 0) {
      throw new IllegalArgumentException("maxModelCalls must be positive, was " + maxModelCalls);
    }
    if (maxToolCalls != null && maxToolCalls < 0) {
      throw new IllegalArgumentException("maxToolCalls must not be negative, was " + maxToolCalls);
    }
    if (maxWallTime != null && (maxWallTime.isNegative() || maxWallTime.isZero())) {
      throw new IllegalArgumentException("maxWallTime must be positive, was " + maxWallTime);
    }
    if (!(warnAt > 0 && warnAt <= 1)) {
      throw new IllegalArgumentException("warnAt must be in (0, 1], was " + warnAt);
    }
  }

  /**
   * A budget of dollars only.
   *
   * @param maxCostUsd the most the run may spend, as a decimal string such as {@code "0.50"}
   * @return the budget
   */
  public static Budget usd(String maxCostUsd) {
    return UNLIMITED.withMaxCostUsd(
        new BigDecimal(requireNonNull(maxCostUsd, "maxCostUsd == null")));
  }

  /**
   * @param value the dollar limit, or {@code null} for none
   * @return a copy with that limit
   */
  public Budget withMaxCostUsd(@Nullable BigDecimal value) {
    return new Budget(value, maxTokens, maxModelCalls, maxToolCalls, maxWallTime, warnAt);
  }

  /**
   * @param value the token limit, or {@code null} for none
   * @return a copy with that limit
   */
  public Budget withMaxTokens(@Nullable Long value) {
    return new Budget(maxCostUsd, value, maxModelCalls, maxToolCalls, maxWallTime, warnAt);
  }

  /**
   * @param value the model call limit, or {@code null} for none
   * @return a copy with that limit
   */
  public Budget withMaxModelCalls(@Nullable Integer value) {
    return new Budget(maxCostUsd, maxTokens, value, maxToolCalls, maxWallTime, warnAt);
  }

  /**
   * @param value the tool call limit, or {@code null} for none
   * @return a copy with that limit
   */
  public Budget withMaxToolCalls(@Nullable Integer value) {
    return new Budget(maxCostUsd, maxTokens, maxModelCalls, value, maxWallTime, warnAt);
  }

  /**
   * @param value the wall time limit, or {@code null} for none
   * @return a copy with that limit
   */
  public Budget withMaxWallTime(@Nullable Duration value) {
    return new Budget(maxCostUsd, maxTokens, maxModelCalls, maxToolCalls, value, warnAt);
  }

  /**
   * @param fraction the fraction of a limit at which to warn, in (0, 1]
   * @return a copy with that warning level
   */
  public Budget withWarnAt(double fraction) {
    return new Budget(maxCostUsd, maxTokens, maxModelCalls, maxToolCalls, maxWallTime, fraction);
  }
}
