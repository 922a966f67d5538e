package dev.taskforce.orchestration;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan the planner made in one round: steps with dependencies, run as a DAG.
 *
 * @param round the planning round, from 1
 * @param steps the steps, in the planner's order
 */
public record Plan(int round, List<Step> steps) {

  /** Copies the steps. */
  public Plan {
    steps = List.copyOf(requireNonNull(steps, "steps == null"));
  }

  /**
   * A step by id.
   *
   * @param id the step id
   * @return the step, or empty
   */
  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * The plan as a Mermaid flowchart: one node per step (id, executor, status) and an edge per
   * dependency.
   *
   * @param statuses each step's status; steps without one are shown as planned
   * @return the Mermaid source, starting {@code flowchart TD}
   */
  public String toMermaid(Map<String, StepStatus> statuses) {
    return PlanDiagram.mermaid(this, statuses);
  }
}
