package dev.taskforce.orchestration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One answer of the planner: a plan to run, or the final answer.
 *
 * @param steps the steps to run, or {@code null} when answering
 * @param answer the final answer (already validated by the reader), or {@code null} when planning
 */
record PlannerTurn(@Nullable List<Step> steps, @Nullable Object answer) {
  boolean isAnswer() {
    return steps == null;
  }
}
