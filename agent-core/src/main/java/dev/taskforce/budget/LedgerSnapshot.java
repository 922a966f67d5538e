package dev.taskforce.budget;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.Usage;
import java.time.Duration;
import java.util.Map;

/**
 * What a run has spent so far.
 *
 * @param total usage and cost of every model call
 * @param byRole usage per role (for example {@code planner}, or an executor's name), in first-use
 *     order
 * @param byModel usage per model id, in first-use order
 * @param modelCalls model calls made
 * @param toolCalls tool calls made
 * @param elapsed wall time since the run started
 */
public record LedgerSnapshot(
    Usage total,
    Map<String, Usage> byRole,
    Map<String, Usage> byModel,
    int modelCalls,
    int toolCalls,
    Duration elapsed) {

  /** Copies the maps, keeping their order. */
  public LedgerSnapshot {
    requireNonNull(total, "total == null");
    byRole = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRole));
    byModel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byModel));
    requireNonNull(elapsed, "elapsed == null");
  }
}
