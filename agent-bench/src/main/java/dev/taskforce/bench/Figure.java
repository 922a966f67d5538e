package dev.taskforce.bench;

import static java.util.Objects.requireNonNull;

/**
 * One measured figure, with the peer's and the floor's figure for the same thing where there are
 * ones.
 *
 * @param metric what was measured, such as {@code "CPU per turn"}
 * @param value the figure for Taskforce
 * @param unit the unit of {@code value}, {@code peer} and {@code floor}, such as {@code "µs"}
 * @param peer LangChain4j's figure, or {@code NaN} when there is no peer figure
 * @param floor the best floor's figure (see docs/performance.md), or {@code NaN}
 * @param target the target in words, such as {@code "≤ 0.5x peer"}, or empty
 * @param verdict whether {@code value} meets {@code target}
 */
public record Figure(
    String metric,
    double value,
    String unit,
    double peer,
    double floor,
    String target,
    Verdict verdict) {

  public Figure {
    requireNonNull(metric, "metric == null");
    requireNonNull(unit, "unit == null");
    requireNonNull(target, "target == null");
    requireNonNull(verdict, "verdict == null");
  }

  /** A figure with no peer, no floor and no target. */
  public static Figure info(String metric, double value, String unit) {
    return new Figure(metric, value, unit, Double.NaN, Double.NaN, "", Verdict.NONE);
  }

  /** {@code value / peer}, or {@code NaN} without a peer figure. */
  public double peerRatio() {
    return value / peer;
  }

  /** {@code value / floor}, or {@code NaN} without a floor figure. */
  public double floorRatio() {
    return value / floor;
  }

  /** This figure with its verdict replaced (a smoke run reports {@link Verdict#NONE}). */
  public Figure withVerdict(Verdict verdict) {
    return new Figure(metric, value, unit, peer, floor, target, verdict);
  }
}
